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

    public decimal StandardTotal => StandardCost + LambdaCost;

    public decimal ExpressTotal => ExpressCost + LambdaCost;
}
