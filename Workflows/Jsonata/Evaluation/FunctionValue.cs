using Pipeline.Workflows.Jsonata.Syntax;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>A function as a value: a lambda, a library function, a partial application, a composition, a regex.</summary>
internal abstract class FunctionValue
{
    /// <summary>How many arguments the function declares; higher-order functions pass no more than this.</summary>
    public abstract int Arity { get; }

    public virtual Signature? Signature => null;

    public abstract object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller);
}

/// <summary>A function written in the language, closing over the scope and context it was defined in.</summary>
internal sealed class LambdaFunction(Node node, Frame environment, object? input) : FunctionValue
{
    public Node Node { get; } = node;

    public Frame Environment { get; } = environment;

    public object? Input { get; } = input;

    public override int Arity => Node.Expressions.Count;

    public override Signature? Signature => Node.Signature;

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller)
    {
        var frame = Environment.Child();
        for (var index = 0; index < Node.Expressions.Count; index++)
            frame.Bind(Node.Expressions[index].Text, index < arguments.Count ? arguments[index] : null);
        return Evaluator.Evaluate(Node.Body!, Input, frame);
    }
}

/// <summary>A call in tail position, returned unevaluated so that the caller's loop runs it in constant stack.</summary>
internal sealed class TailCall(Node call, Frame environment, object? input) : FunctionValue
{
    public Node Call { get; } = call;

    public Frame Environment { get; } = environment;

    public object? Input { get; } = input;

    public override int Arity => 0;

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller) =>
        Evaluator.Evaluate(Call, Input, Environment);
}

/// <summary>The code that runs a library function: the arguments have passed the signature check.</summary>
internal delegate object? NativeImplementation(CallContext context, object?[] arguments);

/// <summary>What a library function may need beyond its arguments: the context value and the caller's scope.</summary>
internal sealed record CallContext(object? Input, Frame Frame)
{
    public object? Apply(FunctionValue function, IReadOnlyList<object?> arguments) =>
        Evaluator.Apply(function, arguments, Input, Frame);
}

/// <summary>A library function, built in or added by the host.</summary>
internal sealed class NativeFunction(string name, Signature signature, NativeImplementation implementation) : FunctionValue
{
    public string Name { get; } = name;

    public override Signature Signature { get; } = signature;

    public override int Arity => Signature.Arity;

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller) =>
        implementation(new CallContext(input, caller), arguments as object?[] ?? [.. arguments]);
}

/// <summary>A function with some arguments fixed and the rest (the '?' placeholders) left to the caller.</summary>
internal sealed class PartialFunction(FunctionValue target, IReadOnlyList<object?> bound, IReadOnlyList<bool> placeholders) : FunctionValue
{
    public override int Arity => placeholders.Count(p => p);

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller)
    {
        var filled = new object?[bound.Count];
        var next = 0;
        for (var index = 0; index < bound.Count; index++)
            filled[index] = placeholders[index] ? (next < arguments.Count ? arguments[next++] : null) : bound[index];
        return Evaluator.Apply(target, filled, input, caller);
    }
}

/// <summary>Two functions chained with '~>': the second applied to the result of the first.</summary>
internal sealed class ComposedFunction(FunctionValue first, FunctionValue second) : FunctionValue
{
    public override int Arity => 1;

    public override object? Invoke(IReadOnlyList<object?> arguments, object? input, Frame caller) =>
        Evaluator.Apply(second, [Evaluator.Apply(first, arguments, input, caller)], input, caller);
}
