using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Builder;

/// <summary><c>AddRetry</c> and <c>AddCatch</c> for Task, Parallel and Map states, returning the same state type.</summary>
public static class RecoverableStateExtensions
{
    public static TState AddRetry<TState>(this TState state, Retrier retrier)
        where TState : RecoverableState
    {
        ArgumentNullException.ThrowIfNull(state);
        return (TState)(state with { Retry = state.Retry.Add(retrier) });
    }

    public static TState AddCatch<TState>(this TState state, Catcher catcher)
        where TState : RecoverableState
    {
        ArgumentNullException.ThrowIfNull(state);
        return (TState)(state with { Catch = state.Catch.Add(catcher) });
    }

    /// <summary>Catches <paramref name="errors"/> (all errors when none are given) and continues with <paramref name="handler"/>.</summary>
    public static TState AddCatch<TState>(this TState state, IChainable handler, DataPath? resultPath = null, IReadOnlyList<string>? errors = null)
        where TState : RecoverableState
    {
        ArgumentNullException.ThrowIfNull(handler);
        var catcher = new Catcher(errors is { Count: > 0 } ? [.. errors] : [ErrorNames.All], handler.StartAt)
        {
            ResultPath = resultPath,
            Handler = handler,
        };
        return state.AddCatch(catcher);
    }
}
