using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Validation;

/// <summary>Rules for payload templates: field names, and the syntax of every <c>.$</c> value.</summary>
internal static class PayloadRules
{
    public static void CheckTemplate(string field, PayloadValue value, Action<string> error)
    {
        switch (value)
        {
            case PayloadObject obj:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in obj.Fields)
                {
                    var memberPath = $"{field}.{member.Name}";
                    if (member.Name.Length == 0)
                        error($"{field} has a field with an empty name");
                    if (member.Name.EndsWith(".$", StringComparison.Ordinal))
                        error($"{memberPath}: write the name without '.$' and the value as Payload.Path or Payload.Intrinsic");
                    if (!seen.Add(member.Name))
                        error($"{field} has the field '{member.Name}' twice");
                    if (member.Value is PayloadExpression expression)
                    {
                        if (AslSyntax.Expression(expression.Expression) is { } reason)
                            error($"{memberPath}.$: {reason}");
                    }
                    else
                    {
                        CheckTemplate(memberPath, member.Value, error);
                    }
                }

                break;
            case PayloadArray array:
                for (var index = 0; index < array.Items.Length; index++)
                {
                    if (array.Items[index] is PayloadExpression)
                        error($"{field}[{index}]: a path or intrinsic function must be the value of an object field, not an array item");
                    else
                        CheckTemplate($"{field}[{index}]", array.Items[index], error);
                }

                break;
        }
    }

    public static bool ContainsExpression(PayloadValue value) => value switch
    {
        PayloadExpression => true,
        PayloadObject obj => obj.Fields.Any(field => ContainsExpression(field.Value)),
        PayloadArray array => array.Items.Any(ContainsExpression),
        _ => false,
    };
}
