namespace Pipeline.Local.Tests.Engine;

/// <summary>The context object (<c>$$</c>) where ASL allows it beyond payload templates, and intrinsics in a Fail state's paths.</summary>
public class ContextPathTests
{
    [Fact]
    public async Task InputPathAndOutputPath_MaySelectFromTheContextObject()
    {
        var definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "InputPath": "$$.Execution.Input.inner", "Next": "B"},
              "B": {"Type": "Pass", "OutputPath": "$$.State.Name", "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """{"inner": {"x": 1}}""");

        result.ShouldSucceed();
        result.Output.ShouldBeJson("\"B\"");
        result.Events(Pipeline.Local.History.HistoryEventType.PassStateExited)[0].Details["output"]!.GetValue<string>().Should().Be("""{"x":1}""");
    }

    [Fact]
    public async Task ItemsPath_MaySelectFromTheContextObject()
    {
        var definition = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$$.Execution.Input.items",
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, """{"items": [1, 2]}""");

        result.ShouldSucceed();
        result.Output.ShouldBeJson("[1, 2]");
    }

    [Fact]
    public async Task AFailStatesErrorPathAndCausePath_MayUseTheContextObjectAndIntrinsics()
    {
        var definition = """
            {"StartAt": "F", "States": {"F": {"Type": "Fail",
              "ErrorPath": "$$.State.Name",
              "CausePath": "States.Format('{} failed on {}', $$.Execution.Name, $.what)"}}}
            """;

        var result = await Asl.RunAsync(definition, """{"what": "bad input"}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        (result.Error, result.Cause).Should().Be(("F", "test-execution failed on bad input"));
    }
}
