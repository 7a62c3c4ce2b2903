using System.Text.Json.Nodes;

namespace Pipeline.Local.Tasks;

/// <summary>
/// Where <c>states:startExecution</c> tasks land locally, in order. As on AWS for a Standard machine, starting an
/// execution again with the same name and input starts nothing new, and with the same name but another input fails.
/// </summary>
public sealed class ExecutionStarts
{
    private readonly List<ExecutionStart> starts = [];
    private readonly Lock gate = new();

    public IReadOnlyList<ExecutionStart> All
    {
        get
        {
            lock (gate)
            {
                return [.. starts];
            }
        }
    }

    internal ExecutionStart Add(ExecutionStart start)
    {
        lock (gate)
        {
            var earlier = starts.FirstOrDefault(candidate => candidate.StateMachineArn == start.StateMachineArn && candidate.Name == start.Name);
            if (earlier is null)
            {
                starts.Add(start);
                return start;
            }

            return JsonNode.DeepEquals(earlier.Input, start.Input)
                ? earlier
                : throw new TaskFailedException(
                    "StepFunctions.ExecutionAlreadyExistsException",
                    $"Execution Already Exists: '{earlier.ExecutionArn}' was started with another input.");
        }
    }
}
