using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>
/// The value of <c>| pattern | update [, delete] |</c>: a function that copies its argument and, in the copy, merges
/// the update into every object the pattern selects and removes the named keys.
/// </summary>
internal sealed class TransformFunction(Node node, Frame environment) : FunctionValue
{
    private static readonly Signature TransformSignature = Signature.Parse("<(oa):o>");

    public override int Arity => 1;

    public override Signature Signature => TransformSignature;

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller)
    {
        var target = arguments.Count > 0 ? arguments[0] : null;
        if (target is null)
            return null;
        var result = Clone(target);
        var matches = Evaluator.Evaluate(node.Lhs!, result, environment);
        if (matches is null)
            return result;
        foreach (var match in matches as JList ?? [matches])
        {
            var update = Evaluator.Evaluate(node.Rhs!, match, environment);
            if (update is not null)
            {
                if (update is not JObject fields)
                    throw new JsonataException("T2011", $"The insert/update clause of the transform expression must evaluate to an object: {Values.Stringify(update)}", node.Rhs!.Position);
                if (match is JObject updated)
                {
                    foreach (var (key, value) in fields)
                        updated[key] = value;
                }
            }

            if (node.Else is null)
                continue;
            var deletions = Evaluator.Evaluate(node.Else, match, environment);
            if (deletions is null)
                continue;
            var names = deletions as JList ?? [deletions];
            if (!names.All(name => name is string))
                throw new JsonataException("T2012", $"The delete clause of the transform expression must evaluate to a string or array of strings: {Values.Stringify(deletions)}", node.Else.Position);
            if (match is JObject obj)
            {
                foreach (var name in names.Cast<string>())
                    obj.Remove(name);
            }
        }

        return result;
    }

    private static object? Clone(object? value) => value switch
    {
        JList list => new JList(list.Select(Clone)),
        JObject obj => CloneObject(obj),
        _ => value,
    };

    private static JObject CloneObject(JObject obj)
    {
        var copy = new JObject();
        foreach (var (key, value) in obj)
            copy[key] = Clone(value);
        return copy;
    }
}
