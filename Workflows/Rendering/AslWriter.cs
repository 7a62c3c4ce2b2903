using System.Text.Json;

namespace Pipeline.Workflows;

/// <summary>Writes the model as ASL, one method per construct, in the key order the ASL documentation uses.</summary>
internal sealed class AslWriter(Utf8JsonWriter writer, IResourceResolver resolver)
{
    public void WriteDefinition(StateMachineDefinition definition)
    {
        writer.WriteStartObject();
        WriteOptional("Comment", definition.Comment);
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
        WriteResultHandling(task);
        WriteOptional("TimeoutSeconds", task.TimeoutSeconds);
        WriteOptional("HeartbeatSeconds", task.HeartbeatSeconds);
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
        WriteTransition(pass);
    }

    private void WriteWait(WaitState wait)
    {
        WritePath("InputPath", wait.InputPath);
        WriteOptional("Seconds", wait.Seconds);
        if (wait.Timestamp is { } timestamp)
            writer.WriteString("Timestamp", AslTimestamp.Format(timestamp));
        WriteOptional("SecondsPath", wait.SecondsPath);
        WriteOptional("TimestampPath", wait.TimestampPath);
        WritePath("OutputPath", wait.OutputPath);
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
            writer.WriteString("Next", rule.Next);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteOptional("Default", choice.Default);
        WritePath("OutputPath", choice.OutputPath);
    }

    private void WriteParallel(ParallelState parallel)
    {
        WritePath("InputPath", parallel.InputPath);
        WritePayload("Parameters", parallel.Parameters);
        writer.WriteStartArray("Branches");
        foreach (var branch in parallel.Branches)
            WriteGraph(branch);
        writer.WriteEndArray();
        WriteResultHandling(parallel);
        WriteRecovery(parallel);
        WriteTransition(parallel);
    }

    private void WriteMap(MapState map)
    {
        WritePath("InputPath", map.InputPath);
        WriteOptional("ItemsPath", map.ItemsPath);
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
            WritePayload("Parameters", reader.Parameters);
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
        WriteOptional("ToleratedFailureCount", map.ToleratedFailureCount);
        if (map.ToleratedFailurePercentage is { } percentage)
            writer.WriteNumber("ToleratedFailurePercentage", percentage);
        WriteOptional("Label", map.Label);
        if (map.ResultWriter is { } resultWriter)
        {
            writer.WriteStartObject("ResultWriter");
            writer.WriteString("Resource", resultWriter.Resource);
            WritePayload("Parameters", resultWriter.Parameters);
            writer.WriteEndObject();
        }

        if (map.ItemProcessor is { } processor)
        {
            writer.WritePropertyName("ItemProcessor");
            WriteGraph(processor, () => WriteProcessorConfig(map.ProcessorMode));
        }

        WriteResultHandling(map);
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
        writer.WriteString("Next", catcher.Next);
        writer.WriteEndObject();
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
