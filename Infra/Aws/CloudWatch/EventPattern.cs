using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>
/// The pattern of an S3 "Object Created" rule: one bucket, keys under a prefix, and a numeric
/// comparison on <c>detail.object.size</c> (e.g. <c>["&lt;", 1048576]</c>).
/// </summary>
public sealed record EventPattern(Input BucketName, string KeyPrefix, string SizeOperator, long SizeBytes) : IJsonDocument
{
    public const string Source = "aws.s3";
    public const string DetailType = "Object Created";

    public Node ToNode() => Nodes.Object(
        ("source", Nodes.Strings([Source])),
        ("detail-type", Nodes.Strings([DetailType])),
        ("detail", Nodes.Object(
            ("bucket", Nodes.Object(("name", Nodes.Strings([BucketName])))),
            ("object", Nodes.Object(
                ("key", Nodes.Array(Nodes.Object(("prefix", Nodes.String(KeyPrefix))))),
                ("size", Nodes.Array(Nodes.Object(("numeric", Nodes.Array(Nodes.String(SizeOperator), Nodes.Number(SizeBytes)))))))))));

    /// <summary>Whether an object of <paramref name="size"/> bytes matches the size comparison.</summary>
    public bool MatchesSize(long size) => SizeOperator switch
    {
        "<" => size < SizeBytes,
        "<=" => size <= SizeBytes,
        ">" => size > SizeBytes,
        ">=" => size >= SizeBytes,
        "=" => size == SizeBytes,
        _ => throw new InvalidOperationException($"Unknown numeric operator '{SizeOperator}'."),
    };
}
