namespace Pipeline.Local.Cost;

/// <summary>The estimated price of one execution run as a Standard and as an Express workflow, with the Lambda calls it made.</summary>
public sealed record CostEstimate
{
    public required int StateTransitions { get; init; }

    public required decimal StandardCost { get; init; }

    public required TimeSpan ExpressBilledDuration { get; init; }

    public required int ExpressBilledMemoryMb { get; init; }

    public required decimal ExpressCost { get; init; }

    public required int LambdaInvocations { get; init; }

    public required decimal LambdaGbSeconds { get; init; }

    public required decimal LambdaCost { get; init; }

    /// <summary>Child executions of its distributed Maps, their transitions and their price (the same under either parent).</summary>
    public int ChildExecutions { get; init; }

    public int ChildStateTransitions { get; init; }

    public decimal ChildCost { get; init; }

    public decimal StandardTotal => StandardCost + ChildCost + LambdaCost;

    public decimal ExpressTotal => ExpressCost + ChildCost + LambdaCost;
}
