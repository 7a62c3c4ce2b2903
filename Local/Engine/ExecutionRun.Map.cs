using ErrorNames = Pipeline.Workflows.ErrorNames;
using System.Text.Json.Nodes;
using Pipeline.Local.Definition;
using Pipeline.Local.History;
using Pipeline.Local.Paths;

namespace Pipeline.Local.Engine;

internal sealed partial class ExecutionRun
{
    private async Task<JsonNode?> RunMapAsync(MapState state, JsonNode? input, ExecutionPath path, DateTimeOffset enteredTime, int retryCount)
    {
        if (state.Distributed)
        {
            return await RunDistributedMapAsync(state, input, path, enteredTime, retryCount).ConfigureAwait(false);
        }

        var context = ContextObject(state, enteredTime, retryCount, null);
        var effective = ApplyInputPath(state, input, context);
        var items = Select(state.ItemsPath, effective, context) as JsonArray
            ?? throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': ItemsPath '{state.ItemsPath}' must select an array.");
        var maxConcurrency = MaxConcurrency(state, effective, ExecutionQuotas.InlineMapConcurrency);
        var iterationInputs = items
            .Select((item, index) => state.ItemSelector is null
                ? item?.DeepClone()
                : PayloadTemplate.Evaluate(
                    state.ItemSelector,
                    effective,
                    ContextObject(state, enteredTime, retryCount, new JsonObject { ["Index"] = index, ["Value"] = item?.DeepClone() }),
                    path.Intrinsics))
            .ToList();
        iterationInputs.ForEach(i => AddFanOutBytes(i, 1));
        history.Add(path, HistoryEventType.MapStateStarted, new JsonObject { ["length"] = items.Count });

        var results = new JsonNode?[items.Count];
        try
        {
            await FanOutAsync(path, items.Count, maxConcurrency, async (index, iteration) =>
            {
                var details = new JsonObject { ["name"] = state.Name, ["index"] = index };
                history.Add(iteration, HistoryEventType.MapIterationStarted, details);
                var running = Interlocked.Increment(ref mapIterationsRunning);
                InterlockedMax(ref peakMapConcurrency, running);
                try
                {
                    results[index] = await RunGraphAsync(state.Processor, iterationInputs[index]?.DeepClone(), iteration).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (iteration.CancellationToken.IsCancellationRequested)
                {
                    history.Add(iteration, HistoryEventType.MapIterationAborted, (JsonObject)details.DeepClone());
                    throw;
                }
                catch (Exception ex) when (ex is StatesErrorException or DeadlineExceededException)
                {
                    history.Add(iteration, HistoryEventType.MapIterationFailed, (JsonObject)details.DeepClone());
                    throw;
                }
                finally
                {
                    Interlocked.Decrement(ref mapIterationsRunning);
                }

                history.Add(iteration, HistoryEventType.MapIterationSucceeded, (JsonObject)details.DeepClone());
            }).ConfigureAwait(false);
        }
        catch (StatesErrorException)
        {
            history.Add(path, HistoryEventType.MapStateFailed);
            throw;
        }

        history.Add(path, HistoryEventType.MapStateSucceeded);
        return Finish(state, input, new JsonArray(results.Select(r => r?.DeepClone()).ToArray()), context, path);
    }

    /// <summary>The iterations run at once: the state's MaxConcurrency, capped (and 0, no limit, replaced) by the mode's <paramref name="most"/>.</summary>
    private static int MaxConcurrency(MapState state, JsonNode? effectiveInput, int most)
    {
        var max = state.MaxConcurrencyPath is not { } maxPath
            ? state.MaxConcurrency
            : JsonNumber.WholeAtLeast(JsonPath.Parse(maxPath).Evaluate(effectiveInput), 0) is { } value and <= int.MaxValue
                ? (int)value
                : throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': MaxConcurrencyPath '{maxPath}' must reference a non-negative integer.");
        return max == 0 || max > most ? most : max;
    }

    private static void InterlockedMax(ref int target, int candidate)
    {
        var current = Volatile.Read(ref target);
        while (candidate > current)
        {
            var seen = Interlocked.CompareExchange(ref target, candidate, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
