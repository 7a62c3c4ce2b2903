using System.Text.Json.Nodes;
using ErrorNames = Pipeline.Workflows.Model.ErrorNames;

namespace Pipeline.Local.Tests.Engine;

/// <summary>
/// States in JSONata as Step Functions runs them (developer guide, "Transforming data with JSONata" and "Passing data
/// between states with variables"): Arguments, Output, Assign, Choice Conditions, Map Items, <c>$states</c>, variables
/// per branch, AWS's functions, and errors named States.QueryEvaluationError.
/// </summary>
public class JsonataStateTests
{
    private static TaskRegistry Pricing() => new TaskRegistry().RegisterFunction("Price", (JsonNode? input, CancellationToken _) =>
        Task.FromResult<JsonNode?>(new JsonObject
        {
            ["total"] = input!["lines"]!.AsArray().Sum(line => Number(line!["price"]) * Number(line["quantity"])),
        }));

    private static double Number(JsonNode? value) => double.Parse(value!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheJsonataSampleWorkflow_PricesEveryOrder_AndSummarisesWithItsVariables()
    {
        var definition = StateMachine.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "workflows", "order-totals.jsonata.asl.json")));
        var input = JsonNode.Parse("""
            {"currency": "EUR", "orders": [
              {"id": "a", "lines": [{"price": 10, "quantity": 2}]},
              {"id": "b", "lines": [{"price": 99.99, "quantity": 1}, {"price": 5.005, "quantity": 2}]},
              {"id": "c", "lines": [{"price": 1, "quantity": 1}]}
            ]}
            """);

        var result = await new LocalEngine(Pricing()).ExecuteAsync(definition, input, Asl.Options());

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"orders": 3, "total": 131, "currency": "EUR", "large": "b", "batches": [["a", "b"], ["c"]]}""");
    }

    [Fact]
    public async Task AVariableAssignedInAMapIteration_StaysInThatIteration_AndAStatesOutputSeesTheVariablesBeforeItsAssign()
    {
        var definition = """
            {
              "QueryLanguage": "JSONata",
              "StartAt": "Set",
              "States": {
                "Set": { "Type": "Pass", "Assign": { "who": "outer" }, "Next": "Each" },
                "Each": {
                  "Type": "Map", "Items": [1, 2],
                  "ItemProcessor": {
                    "StartAt": "Inner",
                    "States": {
                      "Inner": { "Type": "Pass", "Assign": { "who": "inner" }, "Output": "{% $who %}", "Next": "Read" },
                      "Read": { "Type": "Pass", "Output": { "before": "{% $states.input %}", "after": "{% $who %}" }, "End": true }
                    }
                  },
                  "Output": { "inner": "{% $states.result %}", "outer": "{% $who %}" },
                  "End": true
                }
              }
            }
            """;

        var result = await Asl.RunAsync(definition);

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"inner": [{"before": "outer", "after": "inner"}, {"before": "outer", "after": "inner"}], "outer": "outer"}""");
    }

    [Fact]
    public async Task AMapsItemSelector_SeesTheMapsInputAndEachItem()
    {
        var definition = """
            {
              "QueryLanguage": "JSONata",
              "StartAt": "Each",
              "States": {
                "Each": {
                  "Type": "Map", "Items": "{% $states.input.values %}",
                  "ItemSelector": { "tag": "{% $states.input.tag %}", "value": "{% $states.context.Map.Item.Value %}", "at": "{% $states.context.Map.Item.Index %}" },
                  "ItemProcessor": { "StartAt": "Keep", "States": { "Keep": { "Type": "Pass", "End": true } } },
                  "End": true
                }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"tag": "t", "values": [10, 20]}""");

        result.Output.ShouldBeJson("""[{"tag": "t", "value": 10, "at": 0}, {"tag": "t", "value": 20, "at": 1}]""");
    }

    [Fact]
    public async Task AWaitsSecondsAndTimestamp_MayBeExpressions()
    {
        var definition = """
            {
              "QueryLanguage": "JSONata",
              "StartAt": "Pause",
              "States": {
                "Pause": { "Type": "Wait", "Seconds": "{% $states.input.delay * 2 %}", "Next": "Until" },
                "Until": { "Type": "Wait", "Timestamp": "{% $states.input.until %}", "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"delay": 30, "until": "2024-01-01T00:10:00Z"}""");

        result.ShouldSucceed();
        result.Events(Pipeline.Local.History.HistoryEventType.WaitStateEntered)[1].SecondsAfterStart().Should().Be(60);
        result.StopTime.Should().Be(Asl.Start.AddMinutes(10));
    }

    [Fact]
    public async Task AnAssign_ReadsTheVariablesAsTheyWereBeforeIt()
    {
        var definition = """
            {
              "QueryLanguage": "JSONata",
              "StartAt": "First",
              "States": {
                "First": { "Type": "Pass", "Assign": { "a": 1, "b": 2 }, "Next": "Swap" },
                "Swap": { "Type": "Pass", "Assign": { "a": "{% $b %}", "b": "{% $a %}" }, "Next": "Show" },
                "Show": { "Type": "Pass", "Output": { "a": "{% $a %}", "b": "{% $b %}" }, "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition);

        result.Output.ShouldBeJson("""{"a": 2, "b": 1}""");
    }

    [Fact]
    public async Task AChoicesOwnAssign_AppliesWhicheverRuleMatches_AlongWithTheRules()
    {
        var definition = """
            {
              "QueryLanguage": "JSONata",
              "StartAt": "Route",
              "States": {
                "Route": { "Type": "Choice", "Assign": { "routed": true, "picked": "none" },
                           "Choices": [ { "Condition": "{% $states.input.n > 1 %}", "Assign": { "picked": "{% $states.input.n %}" }, "Next": "Show" } ],
                           "Default": "Show" },
                "Show": { "Type": "Pass", "Output": { "routed": "{% $routed %}", "picked": "{% $picked %}" }, "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"n": 5}""");

        result.Output.ShouldBeJson("""{"routed": true, "picked": 5}""");
    }

    [Theory]
    [InlineData("$states.errorOutput.Error", "States.QueryEvaluationError")]
    [InlineData("$states.context.State.Name & ': ' & $states.errorOutput.Error", "Call: States.QueryEvaluationError")]
    public async Task ACaughtError_ReachesTheCatchersOutput_WithTheContextObjectOfTheStateThatFailed(string output, string expected)
    {
        var definition = $$"""
            {
              "QueryLanguage": "JSONata",
              "StartAt": "Call",
              "States": {
                "Call": {
                  "Type": "Task", "Resource": "{{Asl.EchoArn}}", "Arguments": { "n": "{% $number('x') %}" },
                  "Catch": [ { "ErrorEquals": ["States.QueryEvaluationError"], "Output": "{% {{output}} %}", "Next": "Handled" } ],
                  "End": true
                },
                "Handled": { "Type": "Succeed" }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, "{}", Asl.Echo());

        result.ShouldSucceed();
        result.Output.ShouldBeJson($"\"{expected}\"");
    }

    [Theory]
    [InlineData("$range(1, 9, 4)", "[1, 5, 9]")]
    [InlineData("$partition([1, 2, 3], 2)", "[[1, 2], [3]]")]
    [InlineData("$hash('input data', 'SHA-256')", "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"")]
    [InlineData("$parse('{\"a\": [1]}').a", "[1]")]
    [InlineData("$length($uuid())", "36")]
    public async Task AwsFunctions_AreThere(string expression, string expected)
    {
        var state = new JsonObject { ["Type"] = "Pass", ["Output"] = $"{{% {expression} %}}", ["End"] = true };
        var result = await Asl.RunAsync(new JsonObject { ["QueryLanguage"] = "JSONata", ["StartAt"] = "S", ["States"] = new JsonObject { ["S"] = state } }.ToJsonString());

        result.ShouldSucceed();
        result.Output.ShouldBeJson(expected);
    }

    [Fact]
    public async Task EvalIsNotThere_AsOnAws()
    {
        var result = await Asl.RunAsync("""{ "QueryLanguage": "JSONata", "StartAt": "S", "States": { "S": { "Type": "Pass", "Output": "{% $eval('1 + 1') %}", "End": true } } }""");

        (result.Status, result.Error).Should().Be((ExecutionStatus.Failed, ErrorNames.QueryEvaluationError));
        result.Cause.Should().StartWith("An error occurred while executing the state 'S' (entered at the event id #2).");
    }

    [Theory]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "S", "States": { "S": { "Type": "Pass", "Output": "{% $states.input. %}", "End": true } } }""", "Output is invalid")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "S", "States": { "S": { "Type": "Pass", "InputPath": "$.a", "End": true } } }""", "\"InputPath\" is not valid in a JSONata Pass state")]
    [InlineData("""{ "QueryLanguage": "JSONata", "StartAt": "S", "States": { "S": { "Type": "Pass", "QueryLanguage": "JSONPath", "End": true } } }""", "cannot use JSONPath")]
    [InlineData("""{ "StartAt": "S", "States": { "S": { "Type": "Pass", "Output": "{% 1 %}", "End": true } } }""", "\"Output\" is for JSONata states")]
    public void AMisuseOfJsonata_IsRefusedAtLoad(string definition, string reason)
    {
        var load = () => StateMachine.Parse(definition);

        load.Should().Throw<InvalidDefinitionException>().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public async Task AJsonataStateInAJsonPathMachine_SpeaksJsonata_AndItsNeighboursStillSpeakJsonPath()
    {
        var definition = """
            {
              "StartAt": "Path",
              "States": {
                "Path": { "Type": "Pass", "Parameters": { "n.$": "$.n" }, "Next": "Ata" },
                "Ata": { "Type": "Pass", "QueryLanguage": "JSONata", "Output": { "double": "{% $states.input.n * 2 %}" }, "End": true }
              }
            }
            """;

        var result = await Asl.RunAsync(definition, """{"n": 21, "other": true}""");

        result.Output.ShouldBeJson("""{"double": 42}""");
    }
}
