using System.Text.RegularExpressions;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Paths;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Validation;

/// <summary>
/// Rules for workflow variables (Step Functions developer guide, "Passing data between states with variables"). Each
/// graph is a scope: the top of the machine, each Parallel branch, each Map item processor. A state sees the variables
/// of its own scope and of the scopes around it, except inside a distributed Map, whose child executions see none of
/// the parent's. A Parallel branch or inline Map iteration cannot assign a variable its outer scopes assign, and what it
/// assigns stays in it. <c>$states</c> is reserved.
/// </summary>
internal static partial class VariableRules
{
    public const string Reserved = "states";

    public static void Check(StateMachineDefinition definition, List<ValidationError> errors) =>
        CheckScope(definition, definition.Graph, null, [], errors);

    private static void CheckScope(
        StateMachineDefinition definition, StateGraph graph, string? prefix, IReadOnlyList<IReadOnlySet<string>> outer, List<ValidationError> errors)
    {
        var own = graph.States.SelectMany(Assigned).Select(assigned => assigned.Name).ToHashSet(StringComparer.Ordinal);
        bool Visible(string name) => own.Contains(name) || outer.Any(scope => scope.Contains(name));

        foreach (var state in graph.States)
        {
            var path = StateList.PathOf(state.Name, prefix);
            void Error(string message) => errors.Add(new(path, message));

            foreach (var (field, name) in Assigned(state))
            {
                if (name == Reserved)
                    Error($"{field}.{name}: the variable name '{Reserved}' is reserved");
                else if (!Name().IsMatch(name))
                    Error($"{field}.{name}: '{name}' is not a variable name: a letter or '_', then letters, digits or '_'");
                else if (outer.Any(scope => scope.Contains(name)))
                    Error($"{field}.{name}: a Parallel branch or Map iteration cannot assign ${name}, a variable of its outer scope");
            }

            foreach (var (field, name) in Referenced(definition, state).Where(reference => reference.Name != Reserved && !Visible(reference.Name)))
                Error($"{field} reads ${name}, which no state of this scope or of a scope around it that it can see assigns");

            IReadOnlyList<IReadOnlySet<string>> inner = state is MapState { IsDistributed: true } ? [] : [.. outer, own];
            foreach (var nested in state.NestedGraphs())
                CheckScope(definition, nested.Graph, $"{path} > {nested.Field}", inner, errors);
        }
    }

    /// <summary>The variables a state assigns: its own <c>Assign</c>, its Choice rules' and its catchers'.</summary>
    private static IEnumerable<(string Field, string Name)> Assigned(State state)
    {
        var assigns = new List<(string Field, PayloadObject? Assign)> { ("Assign", state.Assign) };
        if (state is ChoiceState choice)
            assigns.AddRange(choice.Choices.Select((rule, index) => ($"Choices[{index}].Assign", rule.Assign)));
        if (state is RecoverableState recoverable)
            assigns.AddRange(recoverable.Catch.Select((catcher, index) => ($"Catch[{index}].Assign", catcher.Assign)));
        return assigns.Where(assign => assign.Assign is not null)
            .SelectMany(assign => assign.Assign!.Fields.Select(field => (assign.Field, field.Name)));
    }

    /// <summary>The variables a state reads, from its JSONata expressions or its JSONPath paths and intrinsic calls.</summary>
    private static IEnumerable<(string Field, string Name)> Referenced(StateMachineDefinition definition, State state) =>
        definition.LanguageOf(state) == QueryLanguage.Jsonata
            ? StateExpressions.Jsonata(state).SelectMany(text =>
                (JsonataRules.TryParse(text.Text)?.FreeVariables ?? []).Select(name => (text.Field, name)))
            : StateExpressions.JsonPath(state).SelectMany(text => JsonPathReads(text.Text).Select(name => (text.Field, name)));

    /// <summary>The variables a path or intrinsic call reads; a malformed one reads none here (the syntax rules report it).</summary>
    private static IEnumerable<string> JsonPathReads(string text)
    {
        try
        {
            return VariableReads.Of(AslExpression.Parse(text));
        }
        catch (PathSyntaxException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*$")]
    private static partial Regex Name();
}
