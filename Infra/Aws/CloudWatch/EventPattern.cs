using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>
/// The pattern of an S3 "Object Created" rule: one bucket and keys under a prefix. It compares no number: EventBridge's
/// numeric matching covers only ±1e9, so a size comparison would let larger objects match no rule.
/// </summary>
public sealed record EventPattern(Input BucketName, string KeyPrefix) : IJsonDocument
{
    public const string Source = "aws.s3";
    public const string DetailType = "Object Created";

    public Node ToNode() => Nodes.Object(
        ("source", Nodes.Strings([Source])),
        ("detail-type", Nodes.Strings([DetailType])),
        ("detail", Nodes.Object(
            ("bucket", Nodes.Object(("name", Nodes.Strings([BucketName])))),
            ("object", Nodes.Object(
                ("key", Nodes.Array(Nodes.Object(("prefix", Nodes.String(KeyPrefix))))))))));
}
