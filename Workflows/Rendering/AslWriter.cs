using System.Text.Json;
using Pipeline.Workflows.Conditions;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;
using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.Rendering;

/// <summary>
/// Writes the model as ASL, one method per construct, in the key order the ASL documentation uses. A state names its
/// <c>QueryLanguage</c> only where it differs from the machine's; which fields a state in each language may hold is the
/// validator's to enforce before anything is written.
/// </summary>
internal sealed class AslWriter(Utf8JsonWriter writer, IResourceResolver resolver)
{
    private QueryLanguage machineLanguage = QueryLanguage.JsonPath;

    public void WriteDefinition(StateMachineDefinition definition)
    {
        machineLanguage = definition.QueryLanguage ?? QueryLanguage.JsonPath;
        writer.WriteStartObject();
        WriteOptional("Comment", definition.Comment);
        if (definition.QueryLanguage == QueryLanguage.Jsonata)
            writer.WriteString("QueryLanguage", QueryLanguages.Jsonata);
        writer.WriteString("StartAt", definition.StartAt);
        WriteOptional("TimeoutSeconds", definition.TimeoutSeconds);
        WriteStates(definition.States);
        writer.WriteEndObject();
    }

    private void WriteGraph(StateGraph graph, Action? writeConfig = null)
    {
        writer.WriteStartObject();
        writeConfig?.Invoke();
        WriteOptional("Comment", graph.Comment);
        writer.WriteString("StartAt", graph.StartAt);
        WriteStates(graph.States);
        writer.WriteEndObject();
    }

    private void WriteStates(IEnumerable<State> states)
    {
        writer.WriteStartObject("States");
        foreach (var state in states)
        {
            writer.WritePropertyName(state.Name);
            WriteState(state);
        }

        writer.WriteEndObject();
    }

    private void WriteState(State state)
    {
        writer.WriteStartObject();
        writer.WriteString("Type", state.Type);
        WriteOptional("Comment", state.Comment);
        if (state.QueryLanguage is { } own && own != machineLanguage)
            writer.WriteString("QueryLanguage", QueryLanguages.NameOf(own));
        switch (state)
        {
            case TaskState task:
                WriteTask(task);
                break;
            case PassState pass:
                WritePass(pass);
                break;
            case WaitState wait:
                WriteWait(wait);
                break;
            case ChoiceState choice:
                WriteChoice(choice);
                break;
            case ParallelState parallel:
                WriteParallel(parallel);
                break;
            case MapState map:
                WriteMap(map);
                break;
            case SucceedState succeed:
                WritePath("InputPath", succeed.InputPath);
                WritePath("OutputPath", succeed.OutputPath);
                WritePayload("Output", succeed.Output);
                break;
            case FailState fail:
                WriteOptional("Error", fail.Error);
                WriteOptional("ErrorPath", fail.ErrorPath);
                WriteOptional("Cause", fail.Cause);
                WriteOptional("CausePath", fail.CausePath);
                break;
            default:
                throw new NotSupportedException($"State type {state.GetType().Name} cannot be rendered.");
        }

        writer.WriteEndObject();
    }

    private void WriteTask(TaskState task)
    {
        writer.WriteString("Resource", task.Resource);
        WritePath("InputPath", task.InputPath);
        WritePayload("Parameters", task.Parameters);
        WritePayload("Arguments", task.Arguments);
        WriteResultHandling(task);
        WriteOptional("TimeoutSeconds", task.TimeoutSeconds);
        WriteOptional("HeartbeatSeconds", task.HeartbeatSeconds);
        WriteOutputAndAssign(task.Output, task.Assign);
        WriteRecovery(task);
        WriteTransition(task);
    }

    private void WritePass(PassState pass)
    {
        WritePath("InputPath", pass.InputPath);
        WritePayload("Parameters", pass.Parameters);
        WritePayload("Result", pass.Result);
        WritePath("ResultPath", pass.ResultPath);
        WritePath("OutputPath", pass.OutputPath);
        WriteOutputAndAssign(pass.Output, pass.Assign);
        WriteTransition(pass);
    }

    private void WriteWait(WaitState wait)
    {
        WritePath("InputPath", wait.InputPath);
        WriteOptional("Seconds", wait.Seconds);
        WriteOptional("Seconds", wait.SecondsExpression);
        if (wait.Timestamp is { } timestamp)
            writer.WriteString("Timestamp", AslTimestamp.Format(timestamp));
        WriteOptional("Timestamp", wait.TimestampExpression);
        WriteOptional("SecondsPath", wait.SecondsPath);
        WriteOptional("TimestampPath", wait.TimestampPath);
        WritePath("OutputPath", wait.OutputPath);
        WriteOutputAndAssign(wait.Output, wait.Assign);
        WriteTransition(wait);
    }

    private void WriteChoice(ChoiceState choice)
    {
        WritePath("InputPath", choice.InputPath);
        writer.WriteStartArray("Choices");
        foreach (var rule in choice.Choices)
        {
            writer.WriteStartObject();
            WriteConditionFields(rule.Condition);
            WriteOutputAndAssign(rule.Output, rule.Assign);
            writer.WriteString("Next", rule.Next);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteOptional("Default", choice.Default);
        WritePath("OutputPath", choice.OutputPath);
        WriteOutputAndAssign(choice.Output, choice.Assign);
    }

    private void WriteParallel(ParallelState parallel)
    {
        WritePath("InputPath", parallel.InputPath);
        WritePayload("Parameters", parallel.Parameters);
        WritePayload("Arguments", parallel.Arguments);
        writer.WriteStartArray("Branches");
        foreach (var branch in parallel.Branches)
            WriteGraph(branch);
        writer.WriteEndArray();
        WriteResultHandling(parallel);
        WriteOutputAndAssign(parallel.Output, parallel.Assign);
        WriteRecovery(parallel);
        WriteTransition(parallel);
    }

    private void WriteMap(MapState map)
    {
        WritePath("InputPath", map.InputPath);
        WriteOptional("ItemsPath", map.ItemsPath);
        WritePayload("Items", map.Items);
        // JSONata renames the Parameters of ItemReader and ResultWriter to Arguments, as it does a Task's.
        var argumentsName = (map.QueryLanguage ?? machineLanguage) == QueryLanguage.Jsonata ? "Arguments" : "Parameters";
        if (map.ItemReader is { } reader)
        {
            writer.WriteStartObject("ItemReader");
            writer.WriteString("Resource", reader.Resource);
            writer.WriteStartObject("ReaderConfig");
            writer.WriteString("InputType", reader.InputType);
            if (reader.InputType == MapItemReader.Csv)
                writer.WriteString("CSVHeaderLocation", "FIRST_ROW");
            WriteOptional("MaxItems", reader.MaxItems);
            writer.WriteEndObject();
            WritePayload(argumentsName, reader.Parameters);
            writer.WriteEndObject();
        }

        WritePayload("ItemSelector", map.ItemSelector);
        if (map.ItemBatcher is { } batcher)
        {
            writer.WriteStartObject("ItemBatcher");
            WriteOptional("MaxItemsPerBatch", batcher.MaxItemsPerBatch);
            WriteOptional("MaxInputBytesPerBatch", batcher.MaxInputBytesPerBatch);
            WritePayload("BatchInput", batcher.BatchInput);
            writer.WriteEndObject();
        }

        WriteOptional("MaxConcurrency", map.MaxConcurrency);
        WriteOptional("MaxConcurrency", map.MaxConcurrencyExpression);
        WriteOptional("ToleratedFailureCount", map.ToleratedFailureCount);
        if (map.ToleratedFailurePercentage is { } percentage)
            writer.WriteNumber("ToleratedFailurePercentage", percentage);
        WriteOptional("Label", map.Label);
        if (map.ResultWriter is { } resultWriter)
        {
            writer.WriteStartObject("ResultWriter");
            writer.WriteString("Resource", resultWriter.Resource);
            WritePayload(argumentsName, resultWriter.Parameters);
            writer.WriteEndObject();
        }

        if (map.ItemProcessor is { } processor)
        {
            writer.WritePropertyName("ItemProcessor");
            WriteGraph(processor, () => WriteProcessorConfig(map.ProcessorMode));
        }

        WriteResultHandling(map);
        WriteOutputAndAssign(map.Output, map.Assign);
        WriteRecovery(map);
        WriteTransition(map);
    }

    private void WriteProcessorConfig(MapProcessorMode mode)
    {
        writer.WriteStartObject("ProcessorConfig");
        writer.WriteString("Mode", mode == MapProcessorMode.Inline ? "INLINE" : "DISTRIBUTED");
        if (mode != MapProcessorMode.Inline)
            writer.WriteString("ExecutionType", mode == MapProcessorMode.DistributedExpress ? "EXPRESS" : "STANDARD");
        writer.WriteEndObject();
    }

    private void WriteResultHandling(RecoverableState state)
    {
        WritePayload("ResultSelector", state.ResultSelector);
        WritePath("ResultPath", state.ResultPath);
        WritePath("OutputPath", state.OutputPath);
    }

    private void WriteRecovery(RecoverableState state)
    {
        if (!state.Retry.IsEmpty)
        {
            writer.WriteStartArray("Retry");
            foreach (var retrier in state.Retry)
                WriteRetrier(retrier);
            writer.WriteEndArray();
        }

        if (!state.Catch.IsEmpty)
        {
            writer.WriteStartArray("Catch");
            foreach (var catcher in state.Catch)
                WriteCatcher(catcher);
            writer.WriteEndArray();
        }
    }

    private void WriteRetrier(Retrier retrier)
    {
        writer.WriteStartObject();
        WriteStrings("ErrorEquals", retrier.ErrorEquals);
        WriteOptional("IntervalSeconds", retrier.IntervalSeconds);
        WriteOptional("MaxAttempts", retrier.MaxAttempts);
        if (retrier.BackoffRate is { } rate)
            writer.WriteNumber("BackoffRate", rate);
        WriteOptional("MaxDelaySeconds", retrier.MaxDelaySeconds);
        if (retrier.JitterStrategy is { } jitter)
            writer.WriteString("JitterStrategy", jitter == JitterStrategy.Full ? "FULL" : "NONE");
        writer.WriteEndObject();
    }

    private void WriteCatcher(Catcher catcher)
    {
        writer.WriteStartObject();
        WriteStrings("ErrorEquals", catcher.ErrorEquals);
        WritePath("ResultPath", catcher.ResultPath);
        WriteOutputAndAssign(catcher.Output, catcher.Assign);
        writer.WriteString("Next", catcher.Next);
        writer.WriteEndObject();
    }

    private void WriteOutputAndAssign(PayloadValue? output, PayloadObject? assign)
    {
        WritePayload("Output", output);
        WritePayload("Assign", assign);
    }

    private void WriteTransition(FlowState state)
    {
        if (state.Next is not null)
            writer.WriteString("Next", state.Next);
        else if (state.End)
            writer.WriteBoolean("End", true);
    }

    private void WriteConditionFields(Condition condition)
    {
        switch (condition)
        {
            case AndCondition and:
                WriteConditions("And", and.Conditions);
                break;
            case OrCondition or:
                WriteConditions("Or", or.Conditions);
                break;
            case NotCondition not:
                writer.WriteStartObject("Not");
                WriteConditionFields(not.Condition);
                writer.WriteEndObject();
                break;
            case JsonataCondition jsonata:
                writer.WriteString("Condition", jsonata.Expression);
                break;
            case ComparisonCondition comparison:
                writer.WriteString("Variable", comparison.Variable);
                writer.WritePropertyName(comparison.Operator.ToString());
                WriteValue(comparison.Operand);
                break;
            default:
                throw new NotSupportedException($"Condition type {condition.GetType().Name} cannot be rendered.");
        }
    }

    private void WriteConditions(string name, IEnumerable<Condition> conditions)
    {
        writer.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            writer.WriteStartObject();
            WriteConditionFields(condition);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void WritePayload(string name, PayloadValue? value)
    {
        if (value is null)
            return;
        writer.WritePropertyName(name);
        WriteValue(value);
    }

    private void WriteValue(PayloadValue value)
    {
        switch (value)
        {
            case PayloadObject obj:
                writer.WriteStartObject();
                foreach (var field in obj.Fields)
                {
                    writer.WritePropertyName(field.Value is PayloadExpression ? field.Name + ".$" : field.Name);
                    WriteValue(field.Value);
                }

                writer.WriteEndObject();
                break;
            case PayloadArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                    WriteValue(item);
                writer.WriteEndArray();
                break;
            case PayloadExpression expression:
                writer.WriteStringValue(expression.Expression);
                break;
            case PayloadResource resource:
                writer.WriteStringValue(resolver.Resolve(resource.Reference));
                break;
            case PayloadText text:
                writer.WriteStringValue(text.Value);
                break;
            case PayloadNumber number:
                writer.WriteNumberValue(number.Value);
                break;
            case PayloadBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case PayloadNull:
                writer.WriteNullValue();
                break;
            default:
                throw new NotSupportedException($"Payload type {value.GetType().Name} cannot be rendered.");
        }
    }

    private void WritePath(string name, DataPath? path)
    {
        if (path is null)
            return;
        if (path.Path is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, path.Path);
    }

    private void WriteStrings(string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private void WriteOptional(string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private void WriteOptional(string name, int? value)
    {
        if (value is { } number)
            writer.WriteNumber(name, number);
    }
}
