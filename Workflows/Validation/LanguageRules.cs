using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>
/// Rules about the language a state speaks: the machine may hold it, and every field it sets is one its type takes in
/// that language (<see cref="StateFields"/>, the sets the local engine reads too), catchers and Choice rules included.
/// </summary>
internal static class LanguageRules
{
    public static void Check(State state, QueryLanguage machine, QueryLanguage language, Action<string> error)
    {
        var name = QueryLanguages.NameOf(language);
        if (!QueryLanguages.CanHold(machine, language))
            error($"a {QueryLanguages.NameOf(machine)} state machine cannot hold a {name} state");
        foreach (var field in state.Fields().Where(field => !StateFields.Allows(state.Type, language, field)))
            error($"{field} is not a field of a {name} {state.Type} state");

        var jsonata = language == QueryLanguage.Jsonata;
        if (!jsonata)
        {
            var expressions = state switch
            {
                WaitState wait => new[] { ("Seconds", wait.SecondsExpression), ("Timestamp", wait.TimestampExpression) },
                MapState map => [("MaxConcurrency", map.MaxConcurrencyExpression)],
                _ => [],
            };
            foreach (var (field, _) in expressions.Where(field => field.Item2 is not null))
                error($"{field} holds a JSONata expression, which a {name} {state.Type} state cannot evaluate");
        }

        if (state is RecoverableState recoverable)
        {
            for (var index = 0; index < recoverable.Catch.Length; index++)
            {
                var catcher = recoverable.Catch[index];
                if (jsonata && catcher.ResultPath is not null)
                    error($"Catch[{index}].ResultPath is not a field of a {name} catcher: use Output, with the error in $states.errorOutput");
                if (!jsonata && catcher.Output is not null)
                    error($"Catch[{index}].Output is not a field of a {name} catcher: use ResultPath");
            }
        }

        if (state is ChoiceState choice)
        {
            for (var index = 0; index < choice.Choices.Length; index++)
            {
                var rule = choice.Choices[index];
                if (jsonata && rule.Condition is not JsonataCondition)
                    error($"Choices[{index}]: a {name} Choice rule tests a Condition, not Variable and comparison operators");
                if (!jsonata && rule.Condition is JsonataCondition)
                    error($"Choices[{index}].Condition is not a field of a {name} Choice rule: use Variable and a comparison operator");
                if (!jsonata && rule.Output is not null)
                    error($"Choices[{index}].Output is not a field of a {name} Choice rule");
            }
        }
    }
}
