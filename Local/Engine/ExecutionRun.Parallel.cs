using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.History;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Engine;

internal sealed partial class ExecutionRun
{
    private async Task<JsonNode?> RunParallelAsync(ParallelState state, JsonNode? input, ExecutionPath path, DateTimeOffset enteredTime, int retryCount)
    {
        var context = ContextObject(state, enteredTime, retryCount, null);
        var effective = ApplyInputPath(state, input, context);
        var branchInput = state.Parameters is null ? effective : PayloadTemplate.Evaluate(state.Parameters, effective, context, path.Intrinsics);
        AddFanOutBytes(branchInput, state.Branches.Count);
        history.Add(path, HistoryEventType.ParallelStateStarted);

        var results = new JsonNode?[state.Branches.Count];
        try
        {
            await FanOutAsync(path, state.Branches.Count, 0, async (index, branch) =>
                results[index] = await RunGraphAsync(state.Branches[index], branchInput?.DeepClone(), branch).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (StatesErrorException)
        {
            history.Add(path, HistoryEventType.ParallelStateFailed);
            throw;
        }

        history.Add(path, HistoryEventType.ParallelStateSucceeded);
        return Finish(state, input, new JsonArray(results.Select(r => r?.DeepClone()).ToArray()), context, path);
    }
}
