namespace Pipeline.Workflows;

/// <summary>A Map state: runs <see cref="ItemProcessor"/> once per item of the array at <see cref="ItemsPath"/>.</summary>
public sealed record MapState(string Name) : RecoverableState(Name)
{
    public override string Type => "Map";

    /// <summary>A reference path to the array to iterate; the whole input when unset.</summary>
    public string? ItemsPath { get; init; }

    /// <summary>Shapes each item's input; <c>$$.Map.Item.Value</c> is the item, <c>$</c> the Map's input.</summary>
    public PayloadObject? ItemSelector { get; init; }

    /// <summary>How many iterations may run at once; 0 means as many as possible.</summary>
    public int? MaxConcurrency { get; init; }

    public StateGraph? ItemProcessor { get; init; }

    public MapProcessorMode ProcessorMode { get; init; } = MapProcessorMode.Inline;

    /// <summary>Sets the item processor; the chain's open ends end each iteration.</summary>
    public MapState WithItemProcessor(IChainable processor) =>
        this with { ItemProcessor = StateGraph.From(processor) };

    public override IEnumerable<NestedGraph> NestedGraphs() =>
        ItemProcessor is null ? [] : [new NestedGraph("ItemProcessor", ItemProcessor)];

    internal override IEnumerable<(string Field, PayloadValue Value)> Payloads() =>
        (ItemSelector is null ? [] : new[] { ("ItemSelector", (PayloadValue)ItemSelector) }).Concat(base.Payloads());
}
