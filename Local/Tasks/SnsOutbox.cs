namespace Pipeline.Local.Tasks;

/// <summary>Where sns:publish tasks land locally, in publication order.</summary>
public sealed class SnsOutbox
{
    private readonly TaskLog<SnsMessage> messages = new();

    public IReadOnlyList<SnsMessage> Messages => messages.Snapshot();

    internal void Add(SnsMessage message) => messages.Change(list =>
    {
        list.Add(message);
        return message;
    });
}

/// <summary>A message the workflow published through <c>arn:aws:states:::sns:publish</c>.</summary>
public sealed record SnsMessage(string MessageId, string TopicArn, string Message, string? Subject);
