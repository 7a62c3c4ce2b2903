using System.Text.Json.Nodes;

namespace Pipeline.Local.Tasks;

/// <summary>One call of a Task state's resource with its effective parameters (after InputPath and Parameters).</summary>
public sealed record TaskInvocation(string StateName, TaskResource Resource, JsonNode? Parameters, TaskContext Context);
