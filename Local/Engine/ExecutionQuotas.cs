namespace Pipeline.Local.Engine;

/// <summary>The Step Functions quotas an execution can reach (developer guide, "Step Functions service quotas").</summary>
public static class ExecutionQuotas
{
    /// <summary>Entries in a Standard execution's history; an execution whose 25,000th event is not its success fails.</summary>
    public const int HistoryEvents = 25_000;

    /// <summary>UTF-8 bytes of any state's input, output or task result.</summary>
    public const int PayloadBytes = 262_144;

    /// <summary>How long an Express execution may run.</summary>
    public const int ExpressSeconds = 300;

    /// <summary>How long a Standard execution may run: one year.</summary>
    public const int StandardSeconds = 31_536_000;

    /// <summary>Iterations an inline Map runs at once, whatever its MaxConcurrency (0 or above 40).</summary>
    public const int InlineMapConcurrency = 40;
}
