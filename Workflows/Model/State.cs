using System.Collections.Immutable;
using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>
/// One state of an Amazon States Language graph, in JSONPath or JSONata. States are immutable:
/// transitions are plain state names, so the same object can be placed in any number of definitions.
/// </summary>
public abstract record State(string Name) : IChainable
{
    public string? Comment { get; init; }

    /// <summary>The state's own query language; unset, it speaks the state machine's.</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    /// <summary>JSONata: the state's output, any JSON value whose <c>{% %}</c> strings are evaluated (every state but Fail).</summary>
    public PayloadValue? Output { get; init; }

    /// <summary>
    /// The variables the state sets when it completes (every state but Succeed and Fail): in JSONata the values are JSON
    /// with <c>{% %}</c> strings; in JSONPath a payload template, so a path or intrinsic sets a field rendered with <c>.$</c>.
    /// </summary>
    public PayloadObject? Assign { get; init; }

    /// <summary>The ASL <c>Type</c> field.</summary>
    public abstract string Type { get; }

    /// <summary>The transitions out of this state, in field order (Next, Choices, Default, Catch).</summary>
    public virtual IEnumerable<StateTransition> Transitions() => [];

    /// <summary>The graphs nested in this state (Parallel branches, the Map item processor).</summary>
    public virtual IEnumerable<NestedGraph> NestedGraphs() => [];

    /// <summary>The payload templates of this state, each with the field that holds it.</summary>
    internal virtual IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        Present(("Output", Output), ("Assign", Assign));

    /// <summary>The ASL fields this state sets, besides <c>Type</c>, so the validator can refuse those its type and language do not take.</summary>
    internal virtual IEnumerable<string> Fields() =>
        Named(("Comment", Comment), ("QueryLanguage", QueryLanguage), ("Output", Output), ("Assign", Assign));

    /// <summary>The names of the fields whose value is set.</summary>
    private protected static IEnumerable<string> Named(params (string Name, object? Value)[] fields) =>
        fields.Where(field => field.Value is not null).Select(field => field.Name);

    /// <summary>The payload fields whose value is set.</summary>
    private protected static IEnumerable<(string Field, PayloadValue Value)> Present(params (string Field, PayloadValue? Value)[] fields) =>
        fields.Where(field => field.Value is not null).Select(field => (field.Field, field.Value!));

    /// <summary>The chains attached to this state's transitions by the builder (choice branches, catch handlers).</summary>
    internal virtual IEnumerable<IChainable> AttachedChains() => [];

    /// <summary>The open ends this state leaves when it is used as a chain.</summary>
    internal virtual ImmutableArray<string> OpenEnds() => [];

    string IChainable.StartAt => Name;

    ImmutableArray<State> IChainable.States =>
        AttachedChains().Aggregate(ImmutableArray.Create(this), (states, chain) => StateList.Union(states, chain.States));

    ImmutableArray<string> IChainable.Ends => OpenEnds();
}
