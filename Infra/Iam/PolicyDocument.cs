using Pipeline.Infra.Model;

namespace Pipeline.Infra.Iam;

/// <summary>An IAM (or key, bucket, queue, topic) policy, emitted as <c>fn::toJSON</c> so its ARNs stay interpolations.</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements) : IJsonDocument
{
    public const string Version = "2012-10-17";

    public PolicyDocument(params PolicyStatement[] statements) : this((IReadOnlyList<PolicyStatement>)statements)
    {
    }

    public bool Equals(PolicyDocument? other) => other is not null && Statements.SequenceEqual(other.Statements);

    public override int GetHashCode() => Statements.Count;

    public Node ToNode() => Nodes.Object(
        ("Version", Nodes.String(Version)),
        ("Statement", Nodes.Array(Statements.Select(statement => statement.ToNode()))));
}
