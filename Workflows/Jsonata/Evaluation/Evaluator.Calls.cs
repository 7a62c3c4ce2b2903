using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Evaluation;

internal static partial class Evaluator
{
    private static object? Call(Node expr, object? input, Frame frame, Chained? chained)
    {
        var procedure = Evaluate(expr.Procedure!, input, frame);
        if (procedure is null && expr.Procedure!.Type == NodeType.Path && frame.IsBound(expr.Procedure.Steps[0].Text))
            throw new JsonataException("T1005", $"Attempted to invoke a non-function. Did you mean ${expr.Procedure.Steps[0].Text}?", expr.Position, expr.Procedure.Steps[0].Text);

        var arguments = new List<object?>(expr.Expressions.Count + 1);
        if (chained is not null)
            arguments.Add(chained.Value);
        foreach (var argument in expr.Expressions)
        {
            arguments.Add(Evaluate(argument, input, frame));
        }

        try
        {
            return Apply(procedure, arguments, input, frame);
        }
        catch (JsonataException error) when (error.Token is null && error.Position < 0)
        {
            var token = expr.Procedure!.Type == NodeType.Path ? expr.Procedure.Steps[0].Text : expr.Procedure.Text;
            throw new JsonataException(error.Code, error.Message, expr.Position, token);
        }
    }

    public static object? Apply(object? procedure, IReadOnlyList<object?> arguments, object? input, Frame frame) =>
        Resolve(ApplyOnce(procedure, arguments, input, frame), input, frame);

    private static object? Resolve(object? result, object? input, Frame frame)
    {
        while (result is TailCall tail)
        {
            var call = tail.Call;
            var next = Evaluate(call.Procedure!, tail.Input, tail.Environment);
            var arguments = new List<object?>(call.Expressions.Count);
            foreach (var argument in call.Expressions)
                arguments.Add(Resolve(Evaluate(argument, tail.Input, tail.Environment), input, frame));
            try
            {
                result = ApplyOnce(next, arguments, input, frame);
            }
            catch (JsonataException error) when (error.Token is null && error.Position < 0)
            {
                throw new JsonataException(error.Code, error.Message, call.Position, call.Procedure!.Type == NodeType.Path ? call.Procedure.Steps[0].Text : call.Procedure.Text);
            }
        }

        return result;
    }

    private static object? ApplyOnce(object? procedure, IReadOnlyList<object?> arguments, object? input, Frame frame)
    {
        if (procedure is not FunctionValue function)
            throw new JsonataException("T1006", "Attempted to invoke a non-function");
        var validated = function.Signature is { } signature ? signature.Validate(arguments, input) : arguments;
        return function.Invoke(validated, input, frame);
    }

    private static object? PartialApplication(Node expr, object? input, Frame frame)
    {
        var bound = new List<object?>(expr.Expressions.Count);
        var placeholders = new List<bool>(expr.Expressions.Count);
        foreach (var argument in expr.Expressions)
        {
            var isPlaceholder = argument.Type == NodeType.Placeholder;
            placeholders.Add(isPlaceholder);
            bound.Add(isPlaceholder ? null : Evaluate(argument, input, frame));
        }

        var procedure = Evaluate(expr.Procedure!, input, frame);
        if (procedure is null && expr.Procedure!.Type == NodeType.Path && frame.IsBound(expr.Procedure.Steps[0].Text))
            throw new JsonataException("T1007", $"Attempted to partially apply a non-function. Did you mean ${expr.Procedure.Steps[0].Text}?", expr.Position, expr.Procedure.Steps[0].Text);
        if (procedure is not FunctionValue function)
            throw new JsonataException("T1008", "Attempted to partially apply a non-function", expr.Position, expr.Procedure!.Type == NodeType.Path ? expr.Procedure.Steps[0].Text : expr.Procedure.Text);
        if (function is LambdaFunction lambda)
        {
            while (bound.Count < lambda.Arity)
            {
                bound.Add(null);
                placeholders.Add(true);
            }
        }

        return new PartialFunction(function, bound, placeholders);
    }

    private static object? ApplyChain(Node expr, object? input, Frame frame)
    {
        var lhs = Evaluate(expr.Lhs!, input, frame);
        if (expr.Rhs!.Type == NodeType.Function)
            return Call(expr.Rhs, input, frame, new Chained(lhs));
        var function = Evaluate(expr.Rhs, input, frame);
        if (function is not FunctionValue second)
            throw new JsonataException("T2006", "The right side of the function application operator ~> must be a function", expr.Position, "~>");
        if (lhs is FunctionValue first)
            return new ComposedFunction(first, second);
        return Apply(second, [lhs], input, frame);
    }

    private sealed record Chained(object? Value);
}
