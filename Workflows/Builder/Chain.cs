using System.Collections.Immutable;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Builder;

/// <summary>
/// An immutable sequence of states built fluently: <c>Chain.Start(load).Next(validate).Next(choice)</c>.
/// Linking never changes a state: the chain holds copies with <c>Next</c> set, so a state object can be
/// reused in any number of chains and definitions.
/// </summary>
public sealed class Chain : IChainable
{
    private Chain(string startAt, ImmutableArray<State> states, ImmutableArray<string> ends)
    {
        StartAt = startAt;
        States = states;
        Ends = ends;
    }

    public string StartAt { get; }

    public ImmutableArray<State> States { get; }

    public ImmutableArray<string> Ends { get; }

    public static Chain Start(IChainable first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return new Chain(first.StartAt, StateList.Union([], first.States), first.Ends);
    }

    /// <summary>Continues every open end of this chain with <paramref name="next"/>.</summary>
    public Chain Next(IChainable next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (Ends.IsEmpty)
        {
            throw new InvalidOperationException(
                $"Cannot continue the chain starting at '{StartAt}' with '{next.StartAt}': it has no open end (it ends in Succeed, Fail or a Choice without branches).");
        }

        var linked = States.Select(state => state is FlowState { Next: null, End: false } open && Ends.Contains(open.Name)
            ? open with { Next = next.StartAt }
            : state);
        return new Chain(StartAt, StateList.Union([.. linked], next.States), next.Ends);
    }
}
