using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>
/// A Map state. Inline, its iterations run inside the execution; distributed, each item (or batch) runs as a child
/// execution of <see cref="ChildType"/>, items may come from an <see cref="ItemReader"/> and results go to a
/// <see cref="ResultWriter"/>.
/// </summary>
public sealed record MapState : RecoverableState
{
    public required StateGraph Processor { get; init; }

    public bool Distributed { get; init; }

    /// <summary>The type of a distributed Map's child executions.</summary>
    public WorkflowVariant ChildType { get; init; } = WorkflowVariant.Standard;

    public ItemReaderConfig? ItemReader { get; init; }

    public ItemBatcherConfig? ItemBatcher { get; init; }

    public ResultWriterConfig? ResultWriter { get; init; }

    /// <summary>Failed child executions a distributed Map tolerates; with no tolerance given, none.</summary>
    public int? ToleratedFailureCount { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    /// <summary>JSONPath: reference paths (on the input, the context object or a variable) to the tolerances.</summary>
    public string? ToleratedFailureCountPath { get; init; }

    public string? ToleratedFailurePercentagePath { get; init; }

    /// <summary>Names the Map Run and its child executions; the state's name when absent.</summary>
    public string? Label { get; init; }

    public string ItemsPath { get; init; } = "$";

    /// <summary>
    /// JSONata: the ItemSelector reads <c>$states.input</c>. It runs once per item, and giving each run a copy of the
    /// Map's whole input would make a Map quadratic in its items, so the input is handed over only when read.
    /// </summary>
    public bool ItemSelectorReadsInput { get; init; }

    /// <summary>JSONata: the items, as an array or an expression; the state's input when absent.</summary>
    public JsonNode? Items { get; init; }

    /// <summary>ItemSelector, or the older Parameters field that plays the same role.</summary>
    public JsonNode? ItemSelector { get; init; }

    /// <summary>0 means the most the mode allows: 40 inline, 10,000 distributed.</summary>
    public int MaxConcurrency { get; init; }

    public string? MaxConcurrencyPath { get; init; }

    /// <summary>
    /// JSONata: the numbers given as expressions, by their field's path (<c>MaxConcurrency</c>, <c>ToleratedFailureCount</c>,
    /// <c>ToleratedFailurePercentage</c>, <c>ItemBatcher.MaxItemsPerBatch</c>, <c>ItemBatcher.MaxInputBytesPerBatch</c>,
    /// <c>ItemReader.ReaderConfig.MaxItems</c>), each evaluated to a number when the state runs.
    /// </summary>
    public IReadOnlyDictionary<string, string> NumberExpressions { get; init; } = new Dictionary<string, string>();

    public override string Type => "Map";
}
