using System.Text.Json.Nodes;
using Pipeline.Workflows.Jsonata.Evaluation;
using Pipeline.Workflows.Jsonata.Library;
using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata;

/// <summary>
/// A parsed JSONata expression (the language as of JSONata 2.0.6), ready to evaluate any number of times. The function
/// library can be extended or trimmed per expression, as a host like Step Functions does.
/// </summary>
public sealed class JsonataExpression
{
    private readonly Node root;
    private readonly IReadOnlyDictionary<string, FunctionValue> functions;
    private readonly IReadOnlySet<string> references;
    private Frame? library;

    private JsonataExpression(Node root, IReadOnlyDictionary<string, FunctionValue> functions, IReadOnlySet<string> references)
    {
        this.root = root;
        this.functions = functions;
        this.references = references;
    }

    /// <summary>
    /// The names (without the '$') of the variables this expression reads from its bindings: those it references without
    /// binding them itself, calling them, or finding them in its function library.
    /// </summary>
    public IEnumerable<string> FreeVariables => references.Where(name => !functions.ContainsKey(name));

    /// <summary>Parses the text; throws <see cref="JsonataException"/> with an S0xxx code when it is malformed.</summary>
    public static JsonataExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tree = Parser.Parse(text);
        var references = VariableReferences.Free(tree);
        return new JsonataExpression(TreeRewriter.Rewrite(tree), FunctionLibrary.Standard, references);
    }

    /// <summary>
    /// This expression with a function added (or replaced) as <c>$name</c>. The signature uses JSONata's notation,
    /// for example <c>&lt;s-n?:s&gt;</c>, and is checked before the implementation is called.
    /// </summary>
    public JsonataExpression WithFunction(string name, JsonataNativeFunction implementation, string signature)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        var table = new Dictionary<string, FunctionValue>(functions, StringComparer.Ordinal)
        {
            [name] = new NativeFunction(name, Signature.Parse(signature), (_, arguments) =>
                implementation([.. arguments.Select(JsonConversion.ToResult)]) is { IsUndefined: false } result
                    ? JsonConversion.FromNode(result.Value)
                    : null),
        };
        return new JsonataExpression(root, table, references);
    }

    /// <summary>This expression without the function <c>$name</c>; calling it then fails as calling any undefined value.</summary>
    public JsonataExpression WithoutFunction(string name)
    {
        var table = new Dictionary<string, FunctionValue>(functions, StringComparer.Ordinal);
        table.Remove(name);
        return new JsonataExpression(root, table, references);
    }

    /// <summary>Evaluates against JSON input, where a null <paramref name="input"/> is JSON null.</summary>
    public JsonataResult Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null, JsonataLimits? limits = null) =>
        Run(JsonConversion.FromNode(input), bindings, limits);

    /// <summary>Evaluates against input that may be undefined, so that <c>$</c> is undefined too.</summary>
    public JsonataResult Evaluate(JsonataResult input, IReadOnlyDictionary<string, JsonNode?>? bindings = null, JsonataLimits? limits = null) =>
        Run(input.IsUndefined ? null : JsonConversion.FromNode(input.Value), bindings, limits);

    private Frame Library => library ??= BuildLibrary();

    private Frame BuildLibrary()
    {
        var frame = new Frame(null, new EvaluationState(null));
        foreach (var (name, function) in functions)
            frame.Bind(name, function);
        return frame;
    }

    private JsonataResult Run(object? input, IReadOnlyDictionary<string, JsonNode?>? bindings, JsonataLimits? limits)
    {
        // The library frame is built once per expression and only read; each run binds its own names in a child.
        var frame = new Frame(Library, new EvaluationState(limits));
        if (bindings is not null)
        {
            foreach (var (name, value) in bindings)
                frame.Bind(name, JsonConversion.FromNode(value));
        }

        frame.Bind("$", input);
        if (input is JList array)
            input = new JList { array }.AsOuterWrapper();

        var result = Evaluator.Evaluate(root, input, frame);
        if (result is TailCall)
            result = Evaluator.Apply(result, [], input, frame);
        return JsonConversion.ToResult(result);
    }
}
