using Pipeline.Workflows.Payloads;
using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.Model;

/// <summary>
/// A Task state. <see cref="Resource"/> is the integration ARN (e.g. <c>arn:aws:states:::lambda:invoke</c>);
/// the resources it acts on are <see cref="ResourceRef"/> values inside <see cref="Parameters"/>, bound at render time.
/// </summary>
public sealed record TaskState(string Name, string Resource) : RecoverableState(Name)
{
    public override string Type => "Task";

    public PayloadObject? Parameters { get; init; }

    /// <summary>JSONata: what the task is called with, a JSON value whose <c>{% %}</c> strings are evaluated.</summary>
    public PayloadValue? Arguments { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? HeartbeatSeconds { get; init; }

    /// <summary>A Task in JSONata, called with <paramref name="arguments"/>.</summary>
    public static TaskState Jsonata(string name, string resource, PayloadValue? arguments = null, PayloadValue? output = null) =>
        new(name, resource) { QueryLanguage = Model.QueryLanguage.Jsonata, Arguments = arguments, Output = output };

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        Present(("Parameters", Parameters), ("Arguments", Arguments)).Concat(base.Payloads());

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("Resource", Resource), ("Parameters", Parameters), ("Arguments", Arguments), ("TimeoutSeconds", TimeoutSeconds), ("HeartbeatSeconds", HeartbeatSeconds)));
}
