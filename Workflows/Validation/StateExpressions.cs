using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Validation;

/// <summary>Every expression a state holds, each with the field that holds it, for the syntax and variable rules.</summary>
internal static class StateExpressions
{
    /// <summary>
    /// The <c>{% %}</c> strings of a JSONata state: in its payloads, plus the fields that hold only an expression
    /// (a rule's <c>Condition</c>, a Wait's <c>Seconds</c>/<c>Timestamp</c>, a Map's <c>MaxConcurrency</c>), which are
    /// yielded even when they lack the braces so that the syntax rule can refuse them.
    /// </summary>
    public static IEnumerable<(string Field, string Text)> Jsonata(State state)
    {
        var strings = state.Payloads().SelectMany(payload => Strings(payload.Field, payload.Value));
        if (state is FailState fail)
            strings = strings.Concat(Present(("Error", fail.Error), ("Cause", fail.Cause)));
        return strings.Where(text => JsonataText.Unwrap(text.Text) is not null).Concat(ExpressionOnly(state));
    }

    private static IEnumerable<(string Field, string Text)> ExpressionOnly(State state) => state switch
    {
        ChoiceState choice => Present([.. choice.Choices.Select((rule, index) => ($"Choices[{index}].Condition", (rule.Condition as JsonataCondition)?.Expression))]),
        WaitState wait => Present(("Seconds", wait.SecondsExpression), ("Timestamp", wait.TimestampExpression)),
        MapState map => Present(("MaxConcurrency", map.MaxConcurrencyExpression)),
        _ => [],
    };

    /// <summary>The paths and intrinsic calls of a JSONPath state: its <c>.$</c> values, path fields and Choice operands.</summary>
    public static IEnumerable<(string Field, string Text)> JsonPath(State state)
    {
        var templates = state.Payloads().SelectMany(payload => PathValues(payload.Field, payload.Value));
        var fields = state switch
        {
            MapState map => Present(("InputPath", map.InputPath?.Path), ("OutputPath", map.OutputPath?.Path), ("ItemsPath", map.ItemsPath)),
            WaitState wait => Present(("InputPath", wait.InputPath?.Path), ("OutputPath", wait.OutputPath?.Path), ("SecondsPath", wait.SecondsPath), ("TimestampPath", wait.TimestampPath)),
            FlowState flow => Present(("InputPath", flow.InputPath?.Path), ("OutputPath", flow.OutputPath?.Path)),
            ChoiceState choice => Present(("InputPath", choice.InputPath?.Path), ("OutputPath", choice.OutputPath?.Path))
                .Concat(choice.Choices.SelectMany((rule, index) => ConditionPaths($"Choices[{index}]", rule.Condition))),
            SucceedState succeed => Present(("InputPath", succeed.InputPath?.Path), ("OutputPath", succeed.OutputPath?.Path)),
            FailState fail => Present(("ErrorPath", fail.ErrorPath), ("CausePath", fail.CausePath)),
            _ => [],
        };
        return templates.Concat(fields);
    }

    private static IEnumerable<(string Field, string Text)> Present(params (string Field, string? Text)[] fields) =>
        fields.Where(field => field.Text is not null).Select(field => (field.Field, field.Text!));

    private static IEnumerable<(string Field, string Text)> Strings(string field, PayloadValue value) => value switch
    {
        PayloadText text => [(field, text.Value)],
        PayloadObject obj => obj.Fields.SelectMany(member => Strings($"{field}.{member.Name}", member.Value)),
        PayloadArray array => array.Items.SelectMany((item, index) => Strings($"{field}[{index}]", item)),
        _ => [],
    };

    private static IEnumerable<(string Field, string Text)> PathValues(string field, PayloadValue value) => value switch
    {
        PayloadExpression expression => [(field, expression.Expression)],
        PayloadObject obj => obj.Fields.SelectMany(member => PathValues($"{field}.{member.Name}", member.Value)),
        PayloadArray array => array.Items.SelectMany((item, index) => PathValues($"{field}[{index}]", item)),
        _ => [],
    };

    private static IEnumerable<(string Field, string Text)> ConditionPaths(string field, Condition condition) => condition switch
    {
        AndCondition and => and.Conditions.SelectMany((inner, index) => ConditionPaths($"{field}.And[{index}]", inner)),
        OrCondition or => or.Conditions.SelectMany((inner, index) => ConditionPaths($"{field}.Or[{index}]", inner)),
        NotCondition not => ConditionPaths($"{field}.Not", not.Condition),
        ComparisonCondition { Operand: PayloadText path } comparison when ComparisonOperatorFacts.OperandKindOf(comparison.Operator) == OperandKind.Path =>
            [($"{field}.Variable", comparison.Variable), ($"{field}.{comparison.Operator}", path.Value)],
        ComparisonCondition comparison => [($"{field}.Variable", comparison.Variable)],
        _ => [],
    };
}
