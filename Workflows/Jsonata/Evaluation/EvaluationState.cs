using System.Diagnostics;

namespace Pipeline.Workflows.Jsonata.Evaluation;

/// <summary>Per-evaluation bookkeeping: the depth and time limits, and the timestamp $now and $millis report.</summary>
internal sealed class EvaluationState(JsonataLimits? limits)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int depth;

    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public void Enter()
    {
        depth++;
        if (limits is null)
            return;
        if (limits.MaxDepth is { } maxDepth && depth > maxDepth)
            throw new JsonataException("U1001", "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.");
        if (limits.TimeLimit is { } timeLimit && clock.Elapsed > timeLimit)
            throw new JsonataException("U1001", "Timeout within a timebox limit: Check for infinite loop");
    }

    public void Exit() => depth--;
}
