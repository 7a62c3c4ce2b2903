namespace Pipeline.Functions.Tests;

/// <summary>
/// The folders of Functions depend on each other in one direction: the contracts, errors and record formats at the
/// bottom; S3, DynamoDB, loading and processing on them; the handlers above; the catalog and the runtime on top.
/// </summary>
public class LayeringTests
{
    [Fact]
    public void TheFoldersOfFunctions_DependOnEachOtherWithoutACycle()
    {
        FolderLayers.Cycles(FolderLayers.References("Functions")).Should().BeEmpty("each of these folders reaches itself through the others");
    }

    [Theory]
    [InlineData("Contracts")]
    [InlineData("Errors")]
    [InlineData("Records")]
    [InlineData("Logging")]
    public void TheFoundations_ReachNoOtherFolder(string folder)
    {
        FolderLayers.References("Functions")[folder].Should().BeEmpty();
    }

    [Theory]
    [InlineData("Storage")]
    [InlineData("Table")]
    [InlineData("Loading")]
    [InlineData("Processing")]
    [InlineData("Configuration")]
    public void WhatTheHandlersUse_DoesNotReachTheHandlersOrWhatHostsThem(string folder)
    {
        FolderLayers.References("Functions")[folder].Should().NotContain(["Handlers", "Catalog", "Runtime"]);
    }
}
