using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws;

/// <summary><c>abortIncompleteMultipartUpload</c> of a lifecycle rule.</summary>
public sealed record AbortIncompleteMultipartUpload : IPulumiObject
{
    public required int DaysAfterInitiation { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Properties() =>
    [
        new("daysAfterInitiation", DaysAfterInitiation),
    ];
}
