using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;
using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.Builder;

/// <summary>Task states for the service integrations the pipeline uses, named by logical resource id.</summary>
public static class ServiceIntegrations
{
    /// <summary>
    /// Invokes the function <paramref name="functionId"/> with <paramref name="payload"/>. The result is reduced to the
    /// handler's own output fields (<c>$.Payload.&lt;field&gt;</c>), so the state's result has the handler's output shape.
    /// </summary>
    public static TaskState InvokeFunction(string name, string functionId, PayloadObject payload, params string[] resultFields) =>
        new(name, IntegrationArns.LambdaInvoke)
        {
            Parameters = Payload.Object(("FunctionName", ResourceRef.Function(functionId)), ("Payload", payload)),
            ResultSelector = resultFields.Length == 0
                ? null
                : Payload.Object([.. resultFields.Select(field => (field, (PayloadValue)Payload.Path($"$.Payload.{field}")))]),
        };

    /// <summary>Publishes <paramref name="message"/> (a literal, path or intrinsic) with <paramref name="subject"/> to the topic <paramref name="topicId"/>.</summary>
    public static TaskState PublishToTopic(string name, string topicId, string subject, PayloadValue message) =>
        new(name, IntegrationArns.SnsPublish)
        {
            Parameters = Payload.Object(("TopicArn", ResourceRef.Topic(topicId)), ("Subject", subject), ("Message", message)),
        };

    /// <summary>
    /// Starts an execution of the state machine <paramref name="machineId"/> with <paramref name="input"/>, named
    /// <paramref name="executionName"/>: a Standard execution started twice with the same name and input is started once.
    /// </summary>
    public static TaskState StartMachine(string name, string machineId, PayloadValue input, PayloadValue executionName) =>
        new(name, IntegrationArns.StartExecution)
        {
            Parameters = Payload.Object(("StateMachineArn", ResourceRef.StateMachine(machineId)), ("Input", input), ("Name", executionName)),
        };
}
