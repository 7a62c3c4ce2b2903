namespace Pipeline.Local.Tests;

/// <summary>
/// The folders of Local depend on each other in one direction: the engine sits on its definition, paths, tasks,
/// history, clock and errors, and none of those reaches back up.
/// </summary>
public class LayeringTests
{
    [Fact]
    public void TheFoldersOfLocal_DependOnEachOtherWithoutACycle()
    {
        FolderLayers.Cycles(FolderLayers.References("Local")).Should().BeEmpty("each of these folders reaches itself through the others");
    }

    [Theory]
    [InlineData("Paths")]
    [InlineData("Tasks")]
    [InlineData("History")]
    [InlineData("Clock")]
    [InlineData("Errors")]
    [InlineData("Definition")]
    public void WhatTheEngineRunsOn_DoesNotReachTheEngine(string folder)
    {
        FolderLayers.References("Local")[folder].Should().NotContain("Engine");
    }
}
