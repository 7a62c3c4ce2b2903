using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using System.Globalization;

namespace Pipeline.Local.Engine;

/// <summary>How close one execution came to each quota it can reach (<see cref="ExecutionQuotas"/>).</summary>
/// <param name="HistoryEvents">Events in the execution's history; Standard fails at <see cref="ExecutionQuotas.HistoryEvents"/>, Express keeps none on AWS.</param>
/// <param name="LargestPayloadBytes">The largest state input, output or task result, in UTF-8 bytes.</param>
/// <param name="LargestPayloadState">The state that carried it.</param>
/// <param name="Duration">Virtual time from start to stop.</param>
/// <param name="PeakMapConcurrency">The most inline Map iterations that ran at once.</param>
public sealed record QuotaUsage(WorkflowVariant Type, int HistoryEvents, int LargestPayloadBytes, string? LargestPayloadState, TimeSpan Duration, int PeakMapConcurrency)
{
    public int DurationLimitSeconds => Type == WorkflowVariant.Express ? ExecutionQuotas.ExpressSeconds : ExecutionQuotas.StandardSeconds;

    /// <summary>One line per quota: the use, the quota and the share of it used.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Type == WorkflowVariant.Standard
            ? Line("history events", HistoryEvents, "N0", ExecutionQuotas.HistoryEvents, string.Empty)
            : Invariant($"history events: {HistoryEvents:N0} (Express keeps no history on AWS)");
        yield return Line("largest payload", LargestPayloadBytes, "N0", ExecutionQuotas.PayloadBytes, LargestPayloadState is null ? " bytes" : $" bytes ({LargestPayloadState})");
        yield return Line("duration", Duration.TotalSeconds, "N1", DurationLimitSeconds, " s");
        yield return Line("inline Map concurrency", PeakMapConcurrency, "N0", ExecutionQuotas.InlineMapConcurrency, string.Empty);
    }

    private static string Line(string name, double used, string format, double quota, string unit) =>
        Invariant($"{name}: {used.ToString(format, CultureInfo.InvariantCulture)} of {quota:N0}{unit}, {used / quota * 100:0.0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
