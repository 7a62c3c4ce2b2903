using System.Collections.Immutable;

namespace Pipeline.Workflows;

/// <summary>
/// One state of an Amazon States Language graph (JSONPath query language). States are immutable:
/// transitions are plain state names, so the same object can be placed in any number of definitions.
/// </summary>
public abstract record State(string Name) : IChainable
{
    public string? Comment { get; init; }

    /// <summary>The ASL <c>Type</c> field.</summary>
    public abstract string Type { get; }

    /// <summary>The transitions out of this state, in field order (Next, Choices, Default, Catch).</summary>
    public virtual IEnumerable<StateTransition> Transitions() => [];

    /// <summary>The graphs nested in this state (Parallel branches, the Map item processor).</summary>
    public virtual IEnumerable<NestedGraph> NestedGraphs() => [];

    /// <summary>The payload templates of this state, each with the field that holds it.</summary>
    internal virtual IEnumerable<(string Field, PayloadValue Value)> Payloads() => [];

    /// <summary>The chains attached to this state's transitions by the builder (choice branches, catch handlers).</summary>
    internal virtual IEnumerable<IChainable> AttachedChains() => [];

    /// <summary>The open ends this state leaves when it is used as a chain.</summary>
    internal virtual ImmutableArray<string> OpenEnds() => [];

    string IChainable.StartAt => Name;

    ImmutableArray<State> IChainable.States =>
        AttachedChains().Aggregate(ImmutableArray.Create(this), (states, chain) => StateList.Union(states, chain.States));

    ImmutableArray<string> IChainable.Ends => OpenEnds();
}
