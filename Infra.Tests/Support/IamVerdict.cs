namespace Pipeline.Infra.Tests.Support;

/// <summary>
/// The independent evaluator's answer to one <see cref="IamScenario"/>: <c>Allowed</c>, <c>ImplicitlyDenied</c> or
/// <c>ExplicitlyDenied</c>, the request's context keys it did not use, and why it could not evaluate (null when it could).
/// </summary>
public sealed record IamVerdict(string Name, string? Result, IReadOnlyList<string> IgnoredContextKeys, string? Errors)
{
    public bool Allowed => Result == "Allowed";

    public bool Denied => Result is "ImplicitlyDenied" or "ExplicitlyDenied";
}
