using System.Text.RegularExpressions;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>What an Express state machine cannot do: wait on a job or a callback, run a distributed Map, or run over 300 s.</summary>
internal static partial class ExpressRules
{
    public const int MaxSeconds = 300;

    public static void Check(State state, string path, List<ValidationError> errors)
    {
        void Error(string message) => errors.Add(new(path, message));

        switch (state)
        {
            case TaskState task:
                if (SyncPattern().IsMatch(task.Resource))
                    Error($"Express workflows cannot use the .sync integration pattern (Resource '{task.Resource}')");
                if (task.Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
                    Error($"Express workflows cannot use the .waitForTaskToken integration pattern (Resource '{task.Resource}')");
                if (task.TimeoutSeconds > MaxSeconds)
                    Error($"TimeoutSeconds {task.TimeoutSeconds} exceeds the Express limit of {MaxSeconds} s");
                if (task.HeartbeatSeconds > MaxSeconds)
                    Error($"HeartbeatSeconds {task.HeartbeatSeconds} exceeds the Express limit of {MaxSeconds} s");
                break;
            case MapState { ProcessorMode: not MapProcessorMode.Inline }:
                Error("Express workflows cannot run a distributed Map");
                break;
            case WaitState { Seconds: > MaxSeconds } wait:
                Error($"Seconds {wait.Seconds} exceeds the Express limit of {MaxSeconds} s");
                break;
        }
    }

    [GeneratedRegex(@"\.sync(:\d+)?$")]
    private static partial Regex SyncPattern();
}
