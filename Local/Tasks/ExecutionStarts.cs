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

/// <summary>An execution the workflow started through <c>arn:aws:states:::states:startExecution</c>.</summary>
public sealed record ExecutionStart(string StateMachineArn, string Name, JsonNode? Input)
{
    /// <summary>The execution's ARN: the machine's ARN with <c>stateMachine</c> replaced by <c>execution</c>, then the name.</summary>
    public string ExecutionArn => $"{StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal)}:{Name}";
}
