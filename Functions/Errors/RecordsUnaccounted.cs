namespace Pipeline.Functions;

/// <summary>
/// The records of a run do not add up: some were neither stored nor quarantined. The run fails naming the difference
/// rather than report a success that lost records. The class name is the error name the workflow sees.
/// </summary>
public sealed class RecordsUnaccounted(string file, string difference) : Exception($"{file}: {difference}")
{
    public string File { get; } = file;
}
