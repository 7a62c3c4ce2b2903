namespace Pipeline.Local.Tasks;

/// <summary>What tasks on concurrent branches record (messages published, executions started), in the order they happened.</summary>
internal sealed class TaskLog<T>
{
    private readonly List<T> items = [];
    private readonly Lock gate = new();

    public IReadOnlyList<T> Snapshot()
    {
        lock (gate)
        {
            return [.. items];
        }
    }

    /// <summary>Runs <paramref name="change"/> with the list to itself, so a look-up and an add are one step.</summary>
    public TResult Change<TResult>(Func<List<T>, TResult> change)
    {
        lock (gate)
        {
            return change(items);
        }
    }
}
