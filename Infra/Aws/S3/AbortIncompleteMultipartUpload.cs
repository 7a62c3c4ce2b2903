namespace Pipeline.Infra.Aws;

/// <summary><c>abortIncompleteMultipartUpload</c> of a lifecycle rule.</summary>
public sealed record AbortIncompleteMultipartUpload
{
    public required int DaysAfterInitiation { get; init; }
}
