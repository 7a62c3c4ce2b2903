using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Policy;

/// <summary>Every accepted finding, with its reason. Reports print them; nothing is suppressed anywhere else.</summary>
public static class PolicySuppressions
{
    public static IReadOnlyList<Suppression> All { get; } =
    [
        new("S3-KMS", LogicalNames.LogBucket,
            "S3 server access logs can only be delivered to a target bucket whose default encryption is SSE-S3; the log bucket therefore uses AES256."),
        new("S1", LogicalNames.LogBucket,
            "This is the access log bucket itself; logging its own access would log log deliveries without end."),
    ];
}
