using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Engine;

/// <summary>
/// A JSONPath state's <c>Assign</c> (developer guide, "Passing data between states with variables"): its fields ending
/// in <c>.$</c> take a path or an intrinsic function, where <c>$</c> is the state's result (a Task's, Parallel's or Map's
/// raw result, before ResultSelector; a Pass state's Result or Parameters; a Choice's or Wait's input after InputPath;
/// the error output in a Catch). Every value is evaluated before any is set, and the state's own fields read the
/// variables as they were when it was entered: the new values are set as the state exits.
/// </summary>
internal sealed partial class ExecutionRun
{
    private static JsonObject? EvaluateAssign(JsonObject? assign, PathScope scope, ExecutionPath path) =>
        assign is null ? null : (JsonObject?)PayloadTemplate.Evaluate(assign, scope, path.Intrinsics);

    /// <summary>
    /// A Choice's Assign in either language: the state's, which applies whichever rule matches (developer guide, "Choice
    /// workflow state"), and the matched rule's; a name both set takes the rule's value.
    /// </summary>
    private static JsonObject? ChoiceAssign(ChoiceState state, ChoiceRule? rule)
    {
        if (rule?.Assign is null || state.Assign is null)
        {
            return rule?.Assign ?? state.Assign;
        }

        var merged = (JsonObject)state.Assign.DeepClone();
        foreach (var (name, value) in rule.Assign)
        {
            merged[name] = value?.DeepClone();
        }

        return merged;
    }

    private static void SetVariables(JsonObject? assigned, ExecutionPath path) =>
        SetVariables(assigned?.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())).ToList(), path);

    /// <summary>Sets the variables and keeps them for the state's StateExited event.</summary>
    private static void SetVariables(IReadOnlyList<KeyValuePair<string, JsonNode?>>? assigned, ExecutionPath path)
    {
        if (assigned is null)
        {
            return;
        }

        path.Variables = path.Variables.SetItems(assigned);
        path.Assigned = assigned;
    }
}
