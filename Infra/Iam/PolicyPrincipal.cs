using Pipeline.Infra.Model;

namespace Pipeline.Infra.Iam;

/// <summary>A policy principal: <c>{"Service": [...]}</c>, <c>{"AWS": [...]}</c> or <c>"*"</c> (only used in Deny statements).</summary>
public sealed record PolicyPrincipal(string Type, IReadOnlyList<Input> Identifiers)
{
    public const string ServiceType = "Service";
    public const string AwsType = "AWS";
    public const string AnyoneType = "*";

    public static PolicyPrincipal Anyone { get; } = new(AnyoneType, []);

    public static PolicyPrincipal Service(string servicePrincipal) => new(ServiceType, [servicePrincipal]);

    public static PolicyPrincipal Service(Input servicePrincipal) => new(ServiceType, [servicePrincipal]);

    public static PolicyPrincipal Aws(Input arn) => new(AwsType, [arn]);

    public bool Equals(PolicyPrincipal? other) =>
        other is not null && Type == other.Type && Identifiers.SequenceEqual(other.Identifiers);

    public override int GetHashCode() => HashCode.Combine(Type, Identifiers.Count);

    public Node ToNode() => Type == AnyoneType
        ? Nodes.String("*")
        : Nodes.Object((Type, Nodes.Strings(Identifiers)));
}
