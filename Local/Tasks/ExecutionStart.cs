using System.Text.Json.Nodes;

namespace Pipeline.Local.Tasks;

/// <summary>An execution the workflow started through <c>arn:aws:states:::states:startExecution</c>.</summary>
public sealed record ExecutionStart(string StateMachineArn, string Name, JsonNode? Input)
{
    /// <summary>The execution's ARN: the machine's ARN with <c>stateMachine</c> replaced by <c>execution</c>, then the name.</summary>
    public string ExecutionArn => $"{StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal)}:{Name}";
}
