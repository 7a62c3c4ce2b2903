using System.Text.Json.Nodes;
using Pipeline.Local.Tasks;

namespace Pipeline.Local.Runner;

/// <summary>A bound Lambda function as the engine calls it: the payload in, the result out, a failure as an exception.</summary>
public delegate Task<JsonNode?> FunctionCall(JsonNode? payload, TaskContext context);
