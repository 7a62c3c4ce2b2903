using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.History;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Engine;

internal sealed partial class ExecutionRun
{
    private async Task<JsonNode?> RunParallelAsync(ParallelState state, JsonNode? input, ExecutionPath path, DateTimeOffset enteredTime, int retryCount)
    {
        var context = ContextObject(state, enteredTime, retryCount, null);
        var effective = ApplyInputPath(state, input, context, path);
        var branchInput = state.Jsonata ? JsonataArguments(state, input, context, path)
            : state.Parameters is null ? effective : PayloadTemplate.Evaluate(state.Parameters, path.Scope(effective, context), path.Intrinsics);
        AddFanOutBytes(branchInput, state.Branches.Count);
        history.Add(path, HistoryEventType.ParallelStateStarted);

        // A redrive runs only the branches that did not succeed before.
        var results = new JsonNode?[state.Branches.Count];
        var done = new bool[state.Branches.Count];
        foreach (var (index, output) in TakeResume(state, path)?.Completed ?? RedrivePoint.NothingCompleted)
        {
            (results[index], done[index]) = (output?.DeepClone(), true);
        }

        var pending = Enumerable.Range(0, state.Branches.Count).Where(index => !done[index]).ToList();
        try
        {
            await FanOutAsync(path, pending.Count, 0, async (slot, branch) =>
            {
                var index = pending[slot];
                results[index] = await RunGraphAsync(state.Branches[index], branchInput?.DeepClone(), branch).ConfigureAwait(false);
                done[index] = true;
            }).ConfigureAwait(false);
        }
        catch (StatesErrorException)
        {
            history.Add(path, HistoryEventType.ParallelStateFailed);
            RememberCompleted(state, path, Completed(results, done));
            throw;
        }

        history.Add(path, HistoryEventType.ParallelStateSucceeded);
        return Finish(state, input, new JsonArray(results.Select(r => r?.DeepClone()).ToArray()), context, path);
    }
}
