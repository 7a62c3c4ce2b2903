using Pipeline.Workflows.Builder;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Model;

/// <summary>
/// A Map state: runs <see cref="ItemProcessor"/> once per item of the array at <see cref="ItemsPath"/>, or, distributed,
/// as a child execution per item (or batch) read by <see cref="ItemReader"/>, with results written by <see cref="ResultWriter"/>.
/// </summary>
public sealed record MapState(string Name) : RecoverableState(Name)
{
    public override string Type => "Map";

    /// <summary>A reference path to the array to iterate; the whole input when unset.</summary>
    public string? ItemsPath { get; init; }

    /// <summary>JSONata: the array to iterate, literal or a <c>{% %}</c> expression; the whole input when unset.</summary>
    public PayloadValue? Items { get; init; }

    /// <summary>
    /// Shapes each item's input: in JSONPath <c>$$.Map.Item.Value</c> is the item and <c>$</c> the Map's input, in JSONata
    /// <c>$states.context.Map.Item.Value</c> and <c>$states.input</c>.
    /// </summary>
    public PayloadObject? ItemSelector { get; init; }

    /// <summary>How many iterations may run at once; 0 means as many as possible.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>JSONata: a <c>{% %}</c> expression that yields <c>MaxConcurrency</c>.</summary>
    public string? MaxConcurrencyExpression { get; init; }

    public StateGraph? ItemProcessor { get; init; }

    public MapProcessorMode ProcessorMode { get; init; } = MapProcessorMode.Inline;

    public MapItemReader? ItemReader { get; init; }

    public MapItemBatcher? ItemBatcher { get; init; }

    public MapResultWriter? ResultWriter { get; init; }

    /// <summary>Failed child executions tolerated before the Map Run fails (none by default).</summary>
    public int? ToleratedFailureCount { get; init; }

    public decimal? ToleratedFailurePercentage { get; init; }

    /// <summary>Names the Map Run and its child executions; the state's name by default.</summary>
    public string? Label { get; init; }

    public bool IsDistributed => ProcessorMode != MapProcessorMode.Inline;

    /// <summary>A Map in JSONata over <paramref name="items"/>, each iteration's input shaped by <paramref name="itemSelector"/>.</summary>
    public static MapState Jsonata(string name, PayloadValue? items = null, PayloadObject? itemSelector = null) =>
        new(name) { QueryLanguage = Model.QueryLanguage.Jsonata, Items = items, ItemSelector = itemSelector };

    /// <summary>Sets the item processor; the chain's open ends end each iteration.</summary>
    public MapState WithItemProcessor(IChainable processor) =>
        this with { ItemProcessor = StateGraph.From(processor) };

    public override IEnumerable<NestedGraph> NestedGraphs() =>
        ItemProcessor is null ? [] : [new NestedGraph("ItemProcessor", ItemProcessor)];

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        Present(
            ("ItemReader.Parameters", ItemReader?.Parameters), ("Items", Items), ("ItemSelector", ItemSelector),
            ("ItemBatcher.BatchInput", ItemBatcher?.BatchInput), ("ResultWriter.Parameters", ResultWriter?.Parameters))
            .Concat(base.Payloads());

    internal override IEnumerable<string> Fields() =>
        base.Fields().Concat(Named(
            ("ItemsPath", ItemsPath), ("Items", Items), ("ItemSelector", ItemSelector), ("MaxConcurrency", MaxConcurrency ?? (object?)MaxConcurrencyExpression),
            ("ItemProcessor", ItemProcessor), ("ItemReader", ItemReader), ("ItemBatcher", ItemBatcher), ("ResultWriter", ResultWriter),
            ("ToleratedFailureCount", ToleratedFailureCount), ("ToleratedFailurePercentage", ToleratedFailurePercentage), ("Label", Label)));
}

/// <summary>The Map <c>ProcessorConfig</c>: inline iterations, or a distributed Map running child executions.</summary>
public enum MapProcessorMode
{
    Inline,
    DistributedStandard,
    DistributedExpress,
}
