namespace Pipeline.Functions.Tests.Loading;

/// <summary>Tests that measure the process's memory run alone, so no other test's objects count in it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StreamingMemoryCollection
{
    public const string Name = "StreamingMemory";
}
