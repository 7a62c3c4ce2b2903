using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.Paths;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Engine;

/// <summary>
/// States in JSONata: <c>Arguments</c> replaces InputPath and Parameters, <c>Output</c> replaces ResultSelector,
/// ResultPath and OutputPath, <c>Assign</c> sets variables, Choice rules test a <c>Condition</c>, a Map reads
/// <c>Items</c>. Expressions see <c>$states.input</c>, <c>$states.context</c>, <c>$states.result</c> (once there is one),
/// <c>$states.errorOutput</c> (in a Catch) and the variables of their branch.
/// </summary>
internal sealed partial class ExecutionRun
{
    private static Dictionary<string, JsonNode?> Bindings(ExecutionPath path, JsonNode? input, JsonNode context, JsonNode? result = null, bool hasResult = false, JsonNode? errorOutput = null, bool withInput = true)
    {
        var states = new JsonObject { ["context"] = context.Parent is null ? context : context.DeepClone() };
        if (withInput)
        {
            states["input"] = input?.DeepClone();
        }

        if (hasResult)
        {
            states["result"] = result?.DeepClone();
        }

        if (errorOutput is not null)
        {
            states["errorOutput"] = errorOutput.DeepClone();
        }

        var bindings = new Dictionary<string, JsonNode?>(path.Variables, StringComparer.Ordinal) { ["states"] = states };
        return bindings;
    }

    /// <summary>Evaluates every value first, then sets them all: an Assign reads the variables as they were before it.</summary>
    private static void AssignVariables(JsonObject? assign, Dictionary<string, JsonNode?> bindings, ExecutionPath path)
    {
        if (assign is null)
        {
            return;
        }

        if (assign.ContainsKey("states"))
        {
            throw new StatesErrorException(ErrorNames.Runtime, "The variable name 'states' is reserved.");
        }

        SetVariables(assign.Select(pair => KeyValuePair.Create(pair.Key, JsonataTemplate.Evaluate(pair.Value, bindings))).ToList(), path);
    }

    /// <summary>Output (or the default) then Assign, with the state's result when it has one.</summary>
    private static JsonNode? JsonataOutput(State state, JsonNode? input, JsonNode context, ExecutionPath path, JsonNode? result, bool hasResult)
    {
        var bindings = Bindings(path, input, context, result, hasResult);
        var output = state.Output is null ? (hasResult ? result?.DeepClone() : input?.DeepClone()) : JsonataTemplate.Evaluate(state.Output, bindings);
        AssignVariables(state.Assign, bindings, path);
        return output;
    }

    private static JsonNode? JsonataArguments(State state, JsonNode? input, JsonNode context, ExecutionPath path) =>
        state.Arguments is null ? input?.DeepClone() : JsonataTemplate.Evaluate(state.Arguments, Bindings(path, input, context));

    private (string? Next, JsonNode? Output) RunJsonataChoice(ChoiceState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        var bindings = Bindings(path, input, context);
        foreach (var rule in state.Choices)
        {
            var condition = ((JsonataCondition)rule.Condition).Expression;
            var value = JsonataTemplate.Expression(condition) is { } expression ? JsonataTemplate.Run(expression, bindings).Value : condition;
            if (value is not JsonValue flag || !flag.TryGetValue<bool>(out var matched))
            {
                throw new StatesErrorException(ErrorNames.QueryEvaluationError, $"The Condition of a rule of state '{state.Name}' did not evaluate to a boolean.");
            }

            if (matched)
            {
                var output = rule.Output is null ? (state.Output is null ? input?.DeepClone() : JsonataTemplate.Evaluate(state.Output, bindings)) : JsonataTemplate.Evaluate(rule.Output, bindings);
                AssignVariables(ChoiceAssign(state, rule), bindings, path);
                return (rule.Next, ExitWith(state, output, path));
            }
        }

        var next = state.Default ?? throw new StatesErrorException(ErrorNames.NoChoiceMatched, $"No Matches! (state '{state.Name}' has no Default)");
        return (next, ExitWith(state, JsonataOutput(state, input, context, path, null, hasResult: false), path));
    }

    /// <summary>
    /// JSONata: the Map with the numbers it gives as expressions evaluated (developer guide, "Map state": MaxConcurrency,
    /// ToleratedFailureCount and ToleratedFailurePercentage, ItemBatcher's MaxItemsPerBatch and MaxInputBytesPerBatch,
    /// ReaderConfig's MaxItems); a value of the wrong kind fails with States.QueryEvaluationError.
    /// </summary>
    private static MapState WithEvaluatedNumbers(MapState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        if (state.NumberExpressions.Count == 0)
        {
            return state;
        }

        var bindings = Bindings(path, input, context);
        JsonNode? Value(string field) =>
            state.NumberExpressions.TryGetValue(field, out var expression) ? JsonataTemplate.Run(expression, bindings).Value : null;
        int? Whole(string field) =>
            !state.NumberExpressions.ContainsKey(field) ? null
            : JsonNumber.WholeAtLeast(Value(field), 0) is { } value and <= int.MaxValue ? (int)value
            : throw new StatesErrorException(ErrorNames.QueryEvaluationError, $"State '{state.Name}': {field} must evaluate to a non-negative integer.");

        var percentage = !state.NumberExpressions.ContainsKey("ToleratedFailurePercentage") ? state.ToleratedFailurePercentage
            : JsonNumber.TryGet(Value("ToleratedFailurePercentage"), out var given) && given is >= 0 and <= 100 ? given
            : throw new StatesErrorException(ErrorNames.QueryEvaluationError, $"State '{state.Name}': ToleratedFailurePercentage must evaluate to a number between 0 and 100.");
        return state with
        {
            MaxConcurrency = Whole("MaxConcurrency") ?? state.MaxConcurrency,
            ToleratedFailureCount = Whole("ToleratedFailureCount") ?? state.ToleratedFailureCount,
            ToleratedFailurePercentage = percentage,
            ItemBatcher = state.ItemBatcher is { } batcher
                ? batcher with
                {
                    MaxItemsPerBatch = Whole("ItemBatcher.MaxItemsPerBatch") ?? batcher.MaxItemsPerBatch,
                    MaxInputBytesPerBatch = Whole("ItemBatcher.MaxInputBytesPerBatch") ?? batcher.MaxInputBytesPerBatch,
                }
                : null,
            ItemReader = state.ItemReader is { } reader ? reader with { MaxItems = Whole("ItemReader.ReaderConfig.MaxItems") ?? reader.MaxItems } : null,
        };
    }

    private static StatesErrorException JsonataFailure(FailState state, JsonNode? input, JsonNode context, ExecutionPath path)
    {
        var bindings = Bindings(path, input, context);
        string? Text(string? field) => field is null ? null
            : JsonataTemplate.Expression(JsonValue.Create(field)) is { } expression ? JsonataTemplate.Run(expression, bindings).Value?.ToString()
            : field;

        return new StatesErrorException(Text(state.Error) ?? string.Empty, Text(state.Cause));
    }
}
