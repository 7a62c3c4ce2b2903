namespace Pipeline.Local.Runner;

/// <summary>A run stopped by Ctrl-C before its execution ended: what it had stored by then, and where its input is kept.</summary>
public sealed class RunInterruptedException(string key, long stored, int chunks, string savedInputPath)
    : OperationCanceledException($"the run of {key} was interrupted after storing {stored} record(s) in {chunks} chunk(s)")
{
    public string Key { get; } = key;

    public long Stored { get; } = stored;

    public int Chunks { get; } = chunks;

    public string SavedInputPath { get; } = savedInputPath;
}
