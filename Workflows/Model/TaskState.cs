namespace Pipeline.Workflows;

/// <summary>
/// A Task state. <see cref="Resource"/> is the integration ARN (e.g. <c>arn:aws:states:::lambda:invoke</c>);
/// the resources it acts on are <see cref="ResourceRef"/> values inside <see cref="Parameters"/>, bound at render time.
/// </summary>
public sealed record TaskState(string Name, string Resource) : RecoverableState(Name)
{
    public override string Type => "Task";

    public PayloadObject? Parameters { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? HeartbeatSeconds { get; init; }

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        (Parameters is null ? [] : new[] { ("Parameters", (PayloadValue)Parameters) }).Concat(base.Payloads());
}
