using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;
using Pipeline.Local.Clock;
using Pipeline.Local.Definition;
using Pipeline.Local.Errors;
using Pipeline.Local.History;
using Pipeline.Local.Paths;
using Pipeline.Workflows.Paths;

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
        state = WithEvaluatedNumbers(state, input, context, path);
        var effective = ApplyInputPath(state, input, context, path);
        var items = MapItems(state, input, effective, context, path);
        var maxConcurrency = MaxConcurrency(state, path.Scope(effective, context), ExecutionQuotas.InlineMapConcurrency);
        var iterationInputs = items.Select((item, index) => SelectItem(state, input, effective, index, item, enteredTime, retryCount, path)).ToList();
        iterationInputs.ForEach(i => AddFanOutBytes(i, 1));
        history.Add(path, HistoryEventType.MapStateStarted, new JsonObject { ["length"] = items.Count });

        // A redrive runs only the iterations that did not succeed before.
        var results = new JsonNode?[items.Count];
        var done = new bool[items.Count];
        foreach (var (index, output) in TakeResume(state, path)?.Completed ?? RedrivePoint.NothingCompleted)
        {
            (results[index], done[index]) = (output?.DeepClone(), true);
        }

        var pending = Enumerable.Range(0, items.Count).Where(index => !done[index]).ToList();
        try
        {
            await FanOutAsync(path, pending.Count, maxConcurrency, async (slot, iteration) =>
            {
                var index = pending[slot];
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

                done[index] = true;
                history.Add(iteration, HistoryEventType.MapIterationSucceeded, (JsonObject)details.DeepClone());
            }).ConfigureAwait(false);
        }
        catch (StatesErrorException)
        {
            history.Add(path, HistoryEventType.MapStateFailed);
            RememberCompleted(state, path, Completed(results, done));
            throw;
        }

        history.Add(path, HistoryEventType.MapStateSucceeded);
        return Finish(state, input, new JsonArray(results.Select(r => r?.DeepClone()).ToArray()), context, path);
    }

    /// <summary>The items at ItemsPath, or in JSONata the Items (the state's input when absent).</summary>
    private static JsonArray MapItems(MapState state, JsonNode? input, JsonNode? effective, JsonNode context, ExecutionPath path) =>
        (state.Jsonata
            ? (state.Items is null ? input?.DeepClone() : JsonataTemplate.Evaluate(state.Items, Bindings(path, input, context)))
            : Select(state.ItemsPath, path.Scope(effective, context))) as JsonArray
        ?? throw new StatesErrorException(ErrorNames.Runtime, $"State '{state.Name}': {(state.Jsonata ? "Items" : $"ItemsPath '{state.ItemsPath}'")} must select an array.");

    /// <summary>One item as its iteration (or child execution) receives it: shaped by the ItemSelector, which sees <c>$$.Map.Item</c>.</summary>
    private JsonNode? SelectItem(MapState state, JsonNode? input, JsonNode? effective, int index, JsonNode? item, DateTimeOffset enteredTime, int retryCount, ExecutionPath path)
    {
        if (state.ItemSelector is null)
        {
            return item?.DeepClone();
        }

        var context = ContextObject(state, enteredTime, retryCount, new JsonObject { ["Index"] = index, ["Value"] = item?.DeepClone() });
        return state.Jsonata
            ? JsonataTemplate.Evaluate(state.ItemSelector, Bindings(path, input, context, withInput: state.ItemSelectorReadsInput))
            : PayloadTemplate.Evaluate(state.ItemSelector, path.Scope(effective, context), path.Intrinsics);
    }

    /// <summary>The outputs of the iterations or branches that succeeded, by index.</summary>
    private static IEnumerable<KeyValuePair<int, JsonNode?>> Completed(JsonNode?[] results, bool[] done) =>
        results.Select((output, index) => KeyValuePair.Create(index, output)).Where(pair => done[pair.Key]);

    /// <summary>The iterations run at once: the state's MaxConcurrency, capped (and 0, no limit, replaced) by the mode's <paramref name="most"/>.</summary>
    private static int MaxConcurrency(MapState state, PathScope scope, int most)
    {
        var max = state.MaxConcurrencyPath is not { } maxPath
            ? state.MaxConcurrency
            : JsonNumber.WholeAtLeast(Select(maxPath, scope), 0) is { } value and <= int.MaxValue
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
