using System.Runtime.ExceptionServices;

namespace Pipeline.Local.Engine;

internal sealed partial class ExecutionRun
{
    /// <summary>
    /// Runs <paramref name="count"/> branches (Parallel branches or Map iterations) as real concurrent tasks, at most
    /// <paramref name="maxConcurrency"/> at a time (0 = unbounded), stopping the others when one fails.
    /// </summary>
    /// <remarks>
    /// Virtual time must not depend on thread scheduling, so each branch runs on its own forked timeline and the
    /// parent continues at the latest end among them. Under a concurrency bound k the branches are placed in k lanes:
    /// branch i starts (in virtual time) when branch i-k ends, as a round-robin scheduler would start it. That keeps
    /// timestamps reproducible and makes a bound visible in the execution's duration (MaxConcurrency 1 runs items one
    /// after another), while the semaphore limits how many really run at once. When a branch fails, the first failure
    /// to happen in real time is reported and the parent's time becomes that branch's time of failure.
    /// </remarks>
    private static async Task FanOutAsync(ExecutionPath parent, int count, int maxConcurrency, Func<int, ExecutionPath, Task> body)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(parent.CancellationToken);
        using var slots = maxConcurrency > 0 ? new SemaphoreSlim(maxConcurrency) : null;
        var ends = Enumerable.Range(0, count)
            .Select(_ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously))
            .ToArray();
        var start = parent.Timeline.UtcNow;
        var gate = new Lock();
        Exception? failure = null;
        var failedAt = start;

        var running = new List<Task>(count);
        for (var i = 0; i < count && !abort.IsCancellationRequested; i++)
        {
            if (slots is not null)
            {
                try
                {
                    await slots.WaitAsync(abort.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var index = i;
            running.Add(Task.Run(() => RunBranchAsync(index)));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        parent.CancellationToken.ThrowIfCancellationRequested();
        if (failure is not null)
        {
            parent.Timeline.JoinAt(failedAt);
            ExceptionDispatchInfo.Throw(failure);
        }

        foreach (var end in ends)
        {
            parent.Timeline.JoinAt(await end.Task.ConfigureAwait(false));
        }

        async Task RunBranchAsync(int index)
        {
            var branchStart = start;
            ExecutionPath? branch = null;
            try
            {
                if (maxConcurrency > 0 && index >= maxConcurrency)
                {
                    var laneFree = await ends[index - maxConcurrency].Task.ConfigureAwait(false);
                    branchStart = laneFree > start ? laneFree : start;
                }

                abort.Token.ThrowIfCancellationRequested();
                branch = parent.Fork(index, branchStart, abort.Token);
                await body(index, branch).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                // Stopped because a sibling failed or the execution was cancelled.
            }
            catch (Exception ex)
            {
                lock (gate)
                {
                    if (failure is null)
                    {
                        failure = ex;
                        failedAt = branch?.Timeline.UtcNow ?? branchStart;
                    }
                }

                await abort.CancelAsync().ConfigureAwait(false);
            }
            finally
            {
                ends[index].TrySetResult(branch?.Timeline.UtcNow ?? branchStart);
                slots?.Release();
            }
        }
    }
}
