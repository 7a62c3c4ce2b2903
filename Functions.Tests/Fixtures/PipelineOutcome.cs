using System.Text.Json;

namespace Pipeline.Functions.Tests.Fixtures;

public sealed record PipelineOutcome(
    LoadBatchResult Load,
    ValidateResult Validation,
    QuarantineResult Quarantine,
    IReadOnlyList<JsonElement> Transformed,
    IReadOnlyList<JsonElement> Quarantined)
{
    public IReadOnlyList<string> ReasonsOf(int quarantinedLine) =>
        Quarantined[quarantinedLine].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();

    public IReadOnlyList<string> AllReasons =>
        Quarantined.SelectMany(q => q.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)).ToList();
}
