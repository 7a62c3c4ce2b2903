namespace Pipeline.Local.Cost;

/// <summary>
/// On-demand prices in US East (N. Virginia), USD, read on 2026-11-23 from
/// https://aws.amazon.com/step-functions/pricing/ and https://aws.amazon.com/lambda/pricing/.
/// Step Functions' page: "Step Functions counts a state transition each time a step of your workflow is executed.
/// You are charged for the total number of state transitions across all your state machines, including retries",
/// and "each retry will be charged as an additional state transition". Express duration is "rounded up to the
/// nearest 100ms" with memory "billed in 64-MB chunks". Free tiers are ignored: the estimate is the marginal cost.
/// </summary>
public static class PriceList
{
    /// <summary>Standard workflows: $0.025 per 1,000 state transitions.</summary>
    public const decimal StandardPerStateTransition = 0.025m / 1_000m;

    /// <summary>Express workflows: $1.00 per 1 million requests (executions started).</summary>
    public const decimal ExpressPerRequest = 1.00m / 1_000_000m;

    /// <summary>Express workflows: $0.06 per GB-hour for the first 1,000 GB-hours of duration in a month.</summary>
    public const decimal ExpressPerGbSecond = 0.06m / 3_600m;

    /// <summary>Express memory is billed in chunks of 64 MB.</summary>
    public const int ExpressMemoryChunkMb = 64;

    /// <summary>Express duration is billed in steps of 100 ms.</summary>
    public const int ExpressDurationStepMs = 100;

    /// <summary>AWS's estimate of Express memory: 50 MB, plus the definition size, plus the data each Map or Parallel step holds.</summary>
    public const int ExpressBaseMemoryMb = 50;

    /// <summary>Lambda: $0.20 per 1 million requests.</summary>
    public const decimal LambdaPerRequest = 0.20m / 1_000_000m;

    /// <summary>Lambda on Arm (the pipeline's functions run on arm64): $0.0000133334 per GB-second, first tier.</summary>
    public const decimal LambdaArmPerGbSecond = 0.0000133334m;
}
