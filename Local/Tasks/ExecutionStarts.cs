using System.Text.Json.Nodes;

namespace Pipeline.Local.Tasks;

/// <summary>
/// Where <c>states:startExecution</c> tasks land locally, in order. As on AWS for a Standard machine, starting an
/// execution again with the same name and input starts nothing new, and with the same name but another input fails.
/// </summary>
public sealed class ExecutionStarts
{
    private readonly TaskLog<ExecutionStart> starts = new();

    public IReadOnlyList<ExecutionStart> All => starts.Snapshot();

    internal ExecutionStart Add(ExecutionStart start) => starts.Change(list =>
    {
        var earlier = list.FirstOrDefault(candidate => candidate.StateMachineArn == start.StateMachineArn && candidate.Name == start.Name);
        if (earlier is null)
        {
            list.Add(start);
            return start;
        }

        return JsonNode.DeepEquals(earlier.Input, start.Input)
            ? earlier
            : throw new TaskFailedException(
                "StepFunctions.ExecutionAlreadyExistsException",
                $"Execution Already Exists: '{earlier.ExecutionArn}' was started with another input.");
    });
}
