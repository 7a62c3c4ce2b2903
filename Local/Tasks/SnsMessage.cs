namespace Pipeline.Local.Tasks;

/// <summary>A message the workflow published through <c>arn:aws:states:::sns:publish</c>.</summary>
public sealed record SnsMessage(string MessageId, string TopicArn, string Message, string? Subject);
