using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary>
/// <c>expiration</c> of a lifecycle rule: current versions expire after <see cref="Days"/>, or, with
/// <see cref="ExpiredObjectDeleteMarker"/>, delete markers left with no versions behind them are removed (S3 takes one or
/// the other in one rule).
/// </summary>
public sealed record LifecycleExpiration : IPulumiObject
{
    public int? Days { get; init; }

    public bool? ExpiredObjectDeleteMarker { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("days", Days),
        new("expiredObjectDeleteMarker", ExpiredObjectDeleteMarker),
    ];
}
