using System.Collections.Immutable;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Builder;

/// <summary>
/// A fragment of a graph under construction: where it starts, its states, and the states still open
/// for a <c>Next</c>. Every <see cref="State"/> is one; <see cref="Chain"/> composes them.
/// </summary>
public interface IChainable
{
    string StartAt { get; }

    ImmutableArray<State> States { get; }

    ImmutableArray<string> Ends { get; }
}
