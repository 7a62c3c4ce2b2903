namespace Pipeline.Local.Tasks;

/// <summary>Where sns:publish tasks land locally, in publication order.</summary>
public sealed class SnsOutbox
{
    private readonly List<SnsMessage> messages = [];
    private readonly Lock gate = new();

    public IReadOnlyList<SnsMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    internal void Add(SnsMessage message)
    {
        lock (gate)
        {
            messages.Add(message);
        }
    }
}
