namespace Pipeline.Workflows.Payloads;

/// <summary>Factory methods that make payload templates read like the JSON they render to.</summary>
public static class Payload
{
    /// <example><c>Payload.Object(("bucket", Payload.Path("$.detail.bucket.name")), ("FunctionName", ResourceRef.Function("Store")))</c></example>
    public static PayloadObject Object(params (string Name, PayloadValue Value)[] fields) =>
        new([.. fields.Select(field => new PayloadField(field.Name, field.Value))]);

    public static PayloadArray Array(params PayloadValue[] items) => new([.. items]);

    /// <summary>A JSONPath evaluated against the state's input (<c>$</c>) or the context object (<c>$$</c>).</summary>
    public static PayloadExpression Path(string path) => new(path);

    /// <summary>An intrinsic function call such as <c>States.Format('{} records', $.count)</c>.</summary>
    public static PayloadExpression Intrinsic(string call) => new(call);

    /// <summary>A JSONata expression, as a JSONata state's fields hold it: <c>Payload.Jsonata("$states.input.id")</c> is <c>"{% $states.input.id %}"</c>.</summary>
    public static PayloadText Jsonata(string expression) => new(JsonataText.Wrap(expression));

    public static PayloadNull Null => PayloadNull.Instance;
}
