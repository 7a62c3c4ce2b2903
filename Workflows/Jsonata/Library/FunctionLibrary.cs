using Pipeline.Workflows.Jsonata.Evaluation;
using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Library;

/// <summary>The standard library of JSONata 2.0.6, by name without the '$'.</summary>
internal static class FunctionLibrary
{
    public static IReadOnlyDictionary<string, FunctionValue> Standard { get; } = Build();

    private static Dictionary<string, FunctionValue> Build()
    {
        var table = new Dictionary<string, FunctionValue>(StringComparer.Ordinal);
        StringFunctions.Register(table);
        NumericFunctions.Register(table);
        ArrayFunctions.Register(table);
        ObjectFunctions.Register(table);
        HigherOrderFunctions.Register(table);
        DateTimeFunctions.Register(table);
        return table;
    }

    public static void Add(Dictionary<string, FunctionValue> table, string name, string signature, NativeImplementation implementation) =>
        table[name] = new NativeFunction(name, Signature.Parse(signature), implementation);

    /// <summary>The arguments a higher-order function passes to a callback: as many as it declares, up to three.</summary>
    public static object?[] CallbackArguments(FunctionValue function, object? value, object? index, object? collection)
    {
        var arity = function.Arity;
        return arity switch
        {
            >= 3 => [value, index, collection],
            2 => [value, index],
            _ => [value],
        };
    }
}
