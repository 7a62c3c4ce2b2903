namespace Pipeline.Local.History;

/// <summary>The events that enter and exit a state of each type (PassStateEntered, ...), looked up once per type.</summary>
internal static class StateEvents
{
    private static readonly Dictionary<string, (HistoryEventType Entered, HistoryEventType Exited)> ByType =
        new[] { "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map" }.ToDictionary(
            type => type,
            type => (Enum.Parse<HistoryEventType>($"{type}StateEntered"), type == "Fail" ? default : Enum.Parse<HistoryEventType>($"{type}StateExited")),
            StringComparer.Ordinal);

    public static HistoryEventType Entered(string stateType) => ByType[stateType].Entered;

    public static HistoryEventType Exited(string stateType) => ByType[stateType].Exited;
}
