namespace Pipeline.Local.Cost;

/// <summary>What the estimate cannot observe locally.</summary>
public sealed record CostAssumptions
{
    /// <summary>Memory configured for the Lambda functions, in MB.</summary>
    public int LambdaMemoryMb { get; init; } = 512;

    /// <summary>Express memory in MB; when absent it is estimated with AWS's formula from the run.</summary>
    public int? ExpressMemoryMb { get; init; }
}
