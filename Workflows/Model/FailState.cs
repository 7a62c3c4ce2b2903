namespace Pipeline.Workflows.Model;

/// <summary>
/// A Fail state: ends the execution with an error name and cause, given literally or by path; in JSONata,
/// <see cref="Error"/> and <see cref="Cause"/> may be <c>{% %}</c> expressions.
/// </summary>
public sealed record FailState(string Name) : State(Name)
{
    public override string Type => "Fail";

    public string? Error { get; init; }

    public string? Cause { get; init; }

    /// <summary>A reference path or intrinsic function that yields the error name.</summary>
    public string? ErrorPath { get; init; }

    /// <summary>A reference path or intrinsic function that yields the cause.</summary>
    public string? CausePath { get; init; }

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(("Error", Error), ("ErrorPath", ErrorPath), ("Cause", Cause), ("CausePath", CausePath)));
}
