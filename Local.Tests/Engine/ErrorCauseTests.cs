using ErrorNames = Pipeline.Workflows.Model.ErrorNames;

namespace Pipeline.Local.Tests.Engine;

/// <summary>
/// Errors the service raises while running a state are worded as Step Functions words them, so that a local failure
/// reads as the console would show it. The expected causes are AWS's own, as published with real executions (the
/// "Check Address" failure of AWS's Step Functions workshop, and the choice-state failure of an AWS blog walkthrough).
/// </summary>
public class ErrorCauseTests
{
    [Fact]
    public async Task AParametersPathThatMatchesNothing_NamesTheStateTheEventThePathTheFieldAndTheInput()
    {
        var definition = """
            {
              "StartAt": "Start",
              "States": {
                "Start": { "Type": "Pass", "Next": "Check Address" },
                "Check Address": { "Type": "Pass", "Parameters": { "address.$": "$.application.address" }, "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"flagged":false}""");

        (result.Status, result.Error).Should().Be((ExecutionStatus.Failed, ErrorNames.Runtime));
        result.Events(Pipeline.Local.History.HistoryEventType.PassStateEntered)[1].Id.Should().Be(4);
        result.Cause.Should().Be(
            "An error occurred while executing the state 'Check Address' (entered at the event id #4). "
            + "The JSONPath '$.application.address' specified for the field 'address.$' could not be found in the input '{\"flagged\":false}'");
    }

    [Fact]
    public async Task AChoiceOnAMissingVariable_SaysTheConditionPathReferencesAnInvalidValue()
    {
        var definition = """
            {
              "StartAt": "AllDone",
              "States": {
                "AllDone": { "Type": "Choice", "Choices": [ { "Variable": "$.jobs[0].done", "BooleanEquals": true, "Next": "Done" } ], "Default": "Done" },
                "Done": { "Type": "Succeed" }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"jobs": [{"input": "First job"}]}""");

        result.Cause.Should().Be(
            "An error occurred while executing the state 'AllDone' (entered at the event id #2). "
            + "Invalid path '$.jobs[0].done': The choice state's condition path references an invalid value.");
    }

    [Fact]
    public async Task AnErrorInsideAMapIteration_NamesTheInnerState_NotTheMap()
    {
        var definition = """
            {
              "StartAt": "Each",
              "States": {
                "Each": {
                  "Type": "Map", "ItemsPath": "$.items",
                  "ItemProcessor": { "StartAt": "Inner", "States": { "Inner": { "Type": "Pass", "InputPath": "$.missing", "End": true } } },
                  "End": true
                }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"items": [{}]}""");

        result.Cause.Should().StartWith("An error occurred while executing the state 'Inner' (entered at the event id #");
    }

    [Fact]
    public async Task ACaughtIntrinsicFailure_CarriesTheWordedCauseIntoTheCatchersResult()
    {
        var definition = $$"""
            {
              "StartAt": "Add",
              "States": {
                "Add": {
                  "Type": "Task", "Resource": "{{Asl.EchoArn}}", "Parameters": { "sum.$": "States.MathAdd($.word, 1)" },
                  "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Handled" } ],
                  "End": true
                },
                "Handled": { "Type": "Pass", "OutputPath": "$.error", "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"word": "one"}""", Asl.Echo());

        result.ShouldSucceed();
        result.Output!["Error"]!.GetValue<string>().Should().Be(ErrorNames.IntrinsicFailure);
        result.Output["Cause"]!.GetValue<string>().Should().StartWith("An error occurred while executing the state 'Add' (entered at the event id #2). States.MathAdd");
    }
}
