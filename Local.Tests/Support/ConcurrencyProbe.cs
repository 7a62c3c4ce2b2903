using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Support;

/// <summary>
/// A handler that records how many calls run at once. Each call holds until <paramref name="expectedPeak"/> calls
/// are running together (or a safety timeout passes), so a correct bound is reached deterministically and a broken
/// bound shows up as a higher peak.
/// </summary>
internal sealed class ConcurrencyProbe(int expectedPeak)
{
    private readonly TaskCompletionSource peakReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private int running;

    public int Peak { get; private set; }

    public int Calls { get; private set; }

    public async Task<JsonNode?> HandleAsync(JsonNode? input, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            running++;
            Calls++;
            Peak = Math.Max(Peak, running);
            if (running >= expectedPeak)
            {
                peakReached.TrySetResult();
            }
        }

        await Task.WhenAny(peakReached.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));

        // Give any call that should not have started yet a chance to start and be counted.
        await Task.Delay(20, cancellationToken);
        lock (gate)
        {
            running--;
        }

        return input?.DeepClone();
    }
}
