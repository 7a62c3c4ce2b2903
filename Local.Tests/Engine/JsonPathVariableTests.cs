using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Engine;

/// <summary>
/// Variables in JSONPath states (developer guide, "Passing data between states with variables"). The machines marked
/// "recorded" are LocalStack's AWS-validated templates (tests/aws/services/stepfunctions/templates/assign), run with the
/// input AWS ran them with and checked against the outputs and assignedVariables AWS recorded in the snapshots of
/// tests/aws/services/stepfunctions/v2/assign.
/// </summary>
public class JsonPathVariableTests
{
    [Fact]
    public async Task AnAssign_ReadsTheInputTheContextObjectAndIntrinsics_AsRecordedByAws()
    {
        // Recorded: BASE_PATHS.
        var result = await Asl.RunAsync("""
            {"StartAt": "State0", "States": {"State0": {"Type": "Pass", "Assign": {
              "str_path_root.$": "$", "str_path.$": "$.input_value", "str_contextpath.$": "$$.State.Name",
              "str_intrinsic_func.$": "States.Format('Format Func {}', $.input_value)"}, "End": true}}}
            """, """{"input_value": "input_value_literal"}""");

        result.ShouldSucceed();
        AssignedBy(result, "State0").ShouldBeJson("""
            {"str_path_root": "{\"input_value\":\"input_value_literal\"}", "str_path": "\"input_value_literal\"",
             "str_contextpath": "\"State0\"", "str_intrinsic_func": "\"Format Func input_value_literal\""}
            """);
        result.Output.ShouldBeJson("""{"input_value": "input_value_literal"}""");
    }

    [Fact]
    public async Task ConstantsAreKeptAsWritten_AndAVariableIsReadWholeOrByPath_AsRecordedByAws()
    {
        // Recorded: BASE_VAR (a part of its constants).
        var result = await Asl.RunAsync("""
            {"StartAt": "State0", "States": {
              "State0": {"Type": "Pass", "Assign": {"varname.$": "$.input_value", "constant_str_path": "$.no.such.path",
                "constant_str_var": "$noSuchVar", "constant_str_intrinsic_func": "States.Format('Format Func {}', $varname)",
                "constant_obj": {"in_obj_constant_lst": [null, 0, 0.1, true, "$varname"]}}, "Next": "State1"},
              "State1": {"Type": "Pass", "Assign": {"varnameconstant_str_var.$": "$constant_str_var",
                "varnameconstant_obj_access.$": "$constant_obj.in_obj_constant_lst", "from_varname.$": "$varname"}, "End": true}}}
            """, """{"input_value": "input_value_literal"}""");

        result.ShouldSucceed();
        AssignedBy(result, "State0")!["constant_str_var"]!.GetValue<string>().Should().Be("\"$noSuchVar\"");
        AssignedBy(result, "State0")!["constant_str_intrinsic_func"]!.GetValue<string>().Should().Be("\"States.Format('Format Func {}', $varname)\"");
        AssignedBy(result, "State1").ShouldBeJson("""
            {"varnameconstant_str_var": "\"$noSuchVar\"", "varnameconstant_obj_access": "[null,0,0.1,true,\"$varname\"]",
             "from_varname": "\"input_value_literal\""}
            """);
    }

    [Fact]
    public async Task AVariableInParameters_IsReadByTheNextState_AsRecordedByAws()
    {
        // Recorded: BASE_REFERENCE_IN_PARAMETERS.
        var result = await Asl.RunAsync("""
            {"StartAt": "State0", "States": {
              "State0": {"Type": "Pass", "Parameters": {"result": "$result"}, "Assign": {"result": "foobar"}, "Next": "State1"},
              "State1": {"Type": "Pass", "ResultPath": "$.result", "Parameters": {"result.$": "$result"}, "End": true}}}
            """);

        result.ShouldSucceed();
        result.Events(HistoryEventType.PassStateExited)[0].Details["output"]!.GetValue<string>().Should().Be("""{"result":"$result"}""");
        result.Output.ShouldBeJson("""{"result": {"result": "foobar"}}""");
    }

    [Fact]
    public async Task AChoiceComparesVariables_AndAPassReassignsOne_AsRecordedByAws()
    {
        // Recorded: BASE_REFERENCE_IN_CHOICE.
        var result = await Asl.RunAsync("""
            {"StartAt": "Setup", "States": {
              "Setup": {"Type": "Pass", "Assign": {"guess": "the_guess", "answer": "the_answer"}, "Next": "CheckAnswer"},
              "CheckAnswer": {"Type": "Choice", "Choices": [{"Variable": "$guess", "StringEqualsPath": "$answer", "Next": "CorrectAnswer"}], "Default": "WrongAnswer"},
              "CorrectAnswer": {"Type": "Pass", "Result": {"state": "CORRECT"}, "End": true},
              "WrongAnswer": {"Type": "Pass", "Assign": {"guess.$": "$answer"}, "Result": {"state": "WRONG"}, "Next": "CheckAnswer"}}}
            """);

        result.ShouldSucceed();
        result.Events(HistoryEventType.PassStateEntered).Concat(result.Events(HistoryEventType.ChoiceStateEntered))
            .OrderBy(e => e.Id).Select(e => e.Details["name"]!.GetValue<string>())
            .Should().Equal("Setup", "CheckAnswer", "WrongAnswer", "CheckAnswer", "CorrectAnswer");
        AssignedBy(result, "WrongAnswer").ShouldBeJson("""{"guess": "\"the_answer\""}""");
        result.Output.ShouldBeJson("""{"state": "CORRECT"}""");
    }

    [Fact]
    public async Task NestedMapIterations_ReadTheVariablesOfTheirOuterScopes_AsRecordedByAws()
    {
        // Recorded: BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE.
        var result = await Asl.RunAsync("""
            {"StartAt": "Input", "States": {
              "Input": {"Type": "Pass", "Result": [[9, 44, 6], [82, 25, 76], [18, 42, 2]], "Assign": {"bias": 4.3}, "Next": "IterateLevels"},
              "IterateLevels": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "AssignCurrentVector", "States": {
                "AssignCurrentVector": {"Type": "Pass", "Assign": {"xCurrent.$": "$[0]", "yCurrent.$": "$[1]", "zCurrent.$": "$[2]"}, "Next": "Calculate"},
                "Calculate": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Summate", "States": {
                  "Summate": {"Type": "Pass", "Assign": {"Sum.$": "States.MathAdd(States.MathAdd(States.MathAdd($yCurrent, $xCurrent), $zCurrent), $bias)"}, "End": true}}},
                  "End": true}}}, "End": true}}}
            """);

        result.ShouldSucceed();
        AssignedBy(result, "Input").ShouldBeJson("""{"bias": "4.3"}""");
        AssignedBy(result, "AssignCurrentVector").ShouldBeJson("""{"xCurrent": "9", "yCurrent": "44", "zCurrent": "6"}""");
        AssignedBy(result, "Summate").ShouldBeJson("""{"Sum": "63"}""");
        result.Output.ShouldBeJson("[[9, 44, 6], [82, 25, 76], [18, 42, 2]]");
    }

    [Fact]
    public async Task AMapReadsItsItemsFromAVariable_AndFormatsWithATemplateFromAPath_AsRecordedByAws()
    {
        // Recorded: MAP_STATE_REFERENCE_IN_ITEMS_PATH.
        var result = await Asl.RunAsync("""
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Pass", "Assign": {"Question": "Who's that Pokemon?", "PokemonList": ["Charizard", "Pikachu", "Squirtle"]},
                        "Result": {"AnswerTemplate": "It's {}!"}, "Next": "MapIterateState"},
              "MapIterateState": {"Type": "Map", "MaxConcurrency": 1, "ItemsPath": "$PokemonList",
                "ItemSelector": {"AnnouncePokemon.$": "States.Format($.AnswerTemplate, $$.Map.Item.Value)"},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Pass", "States": {
                  "Pass": {"Type": "Pass", "Parameters": {"Question.$": "$Question", "Answer.$": "$.AnnouncePokemon"}, "End": true}}},
                "End": true}}}
            """);

        result.ShouldSucceed();
        AssignedBy(result, "Start").ShouldBeJson("""{"Question": "\"Who's that Pokemon?\"", "PokemonList": "[\"Charizard\",\"Pikachu\",\"Squirtle\"]"}""");
        result.Output.ShouldBeJson("""
            [{"Answer": "It's Charizard!", "Question": "Who's that Pokemon?"}, {"Answer": "It's Pikachu!", "Question": "Who's that Pokemon?"},
             {"Answer": "It's Squirtle!", "Question": "Who's that Pokemon?"}]
            """);
    }

    [Fact]
    public async Task AFormatTemplateFromAPath_WithTooFewValues_FailsWithIntrinsicFailure()
    {
        var result = await Asl.RunAsync(Asl.Expression("States.Format($.template, 1)"), """{"template": "{} and {}"}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.IntrinsicFailure);
        result.Cause.Should().Contain("States.Format has more {} placeholders than arguments");
    }

    [Fact]
    public async Task ATasksAssign_ReadsTheRawResult_AndTheStatesOwnPathsReadTheVariablesAsTheyWere()
    {
        var result = await Asl.RunAsync("""
            {"StartAt": "Seed", "States": {
              "Seed": {"Type": "Pass", "Assign": {"label": "before"}, "Next": "Call"},
              "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo", "Parameters": {"n.$": "$.n"},
                       "ResultSelector": {"doubled.$": "States.MathAdd($.n, $.n)", "label.$": "$label"},
                       "Assign": {"raw.$": "$.n", "label": "after"}, "ResultPath": "$.call", "Next": "Read"},
              "Read": {"Type": "Pass", "Parameters": {"raw.$": "$raw", "label.$": "$label", "call.$": "$.call"}, "End": true}}}
            """, """{"n": 4}""", Asl.Echo());

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"raw": 4, "label": "after", "call": {"doubled": 8, "label": "before"}}""");
    }

    [Fact]
    public async Task ACatchersAssign_ReadsTheErrorOutputAndTheContextObject()
    {
        var failing = new TaskRegistry().RegisterFunction("Load", (JsonNode? _, CancellationToken _) => throw new InvalidInput("bad line"));
        var result = await Asl.RunAsync("""
            {"StartAt": "Load", "States": {
              "Load": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Load"},
                       "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"failure.$": "$.Error", "at.$": "$$.State.Name"}, "ResultPath": null, "Next": "Report"}], "End": true},
              "Report": {"Type": "Pass", "Parameters": {"failure.$": "$failure", "at.$": "$at"}, "End": true}}}
            """, "{}", failing);

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"failure": "InvalidInput", "at": "Load"}""");
    }

    [Fact]
    public async Task VariablesSelectAMapsItems_AndItsConcurrency()
    {
        var result = await Asl.RunAsync("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"order": {"items": [1, 2, 3]}, "most": 1}, "Next": "Each"},
              "Each": {"Type": "Map", "ItemsPath": "$order.items", "MaxConcurrencyPath": "$most",
                       "ItemProcessor": {"StartAt": "Twice", "States": {"Twice": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "OutputPath": "$.v", "End": true}}},
                       "End": true}}}
            """);

        result.ShouldSucceed();
        result.Output.ShouldBeJson("[2, 4, 6]");
    }

    [Fact]
    public async Task AChoiceAssignsItsOwnVariablesAndTheMatchedRules_OverItsInput_AndAWaitAssignsToo()
    {
        var result = await Asl.RunAsync("""
            {"StartAt": "Route", "States": {
              "Route": {"Type": "Choice", "Assign": {"routed": true, "picked": "none"},
                        "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Assign": {"picked.$": "$.n"}, "Next": "Pause"}], "Default": "Pause"},
              "Pause": {"Type": "Wait", "Seconds": 1, "Assign": {"waited.$": "$$.State.Name"}, "Next": "Show"},
              "Show": {"Type": "Pass", "Parameters": {"routed.$": "$routed", "picked.$": "$picked", "waited.$": "$waited"}, "End": true}}}
            """, """{"n": 5}""");

        result.ShouldSucceed();
        result.Output.ShouldBeJson("""{"routed": true, "picked": 5, "waited": "Pause"}""");
    }

    [Fact]
    public async Task ADistributedMapReadsItsTolerancesFromVariables_AsRecordedByAws()
    {
        // Recorded: MAP_STATE_REFERENCE_IN_TOLERATED_FAILURE_PATH.
        var result = await Asl.RunAsync("""
            {"StartAt": "Start", "States": {
              "Start": {"Type": "Pass", "Assign": {"toleratedFailurePercentage": "1", "toleratedFailureCount": "1"}, "Result": {"Values": [1, 2, 3]}, "Next": "MapState"},
              "MapState": {"Type": "Map", "ItemsPath": "$.Values", "MaxConcurrency": 1,
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "HandleItem", "States": {"HandleItem": {"Type": "Pass", "End": true}}},
                "ToleratedFailurePercentagePath": "$toleratedFailurePercentage", "ToleratedFailureCountPath": "$toleratedFailureCount", "End": true}}}
            """);

        result.ShouldSucceed();
        result.Output.ShouldBeJson("[1, 2, 3]");
    }

    [Theory]
    [InlineData(1, ExecutionStatus.Succeeded)]
    [InlineData(0, ExecutionStatus.Failed)]
    public async Task AToleratedFailureCountPath_DecidesWhetherAFailedChildFailsTheMap(int tolerated, ExecutionStatus status)
    {
        var result = await Asl.RunAsync("""
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"tolerated.$": "$.tolerated"}, "Next": "Each"},
              "Each": {"Type": "Map", "ItemsPath": "$.items", "ToleratedFailureCountPath": "$tolerated",
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "Work", "States": {
                  "Work": {"Type": "Choice", "Choices": [{"Variable": "$.bad", "BooleanEquals": true, "Next": "Bad"}], "Default": "Good"},
                  "Bad": {"Type": "Fail", "Error": "BadItem"}, "Good": {"Type": "Succeed"}}},
                "End": true}}}
            """, $$"""{"tolerated": {{tolerated}}, "items": [{"bad": false}, {"bad": true}, {"bad": false}]}""");

        result.Status.Should().Be(status);
    }

    [Fact]
    public async Task AnItemReadersMaxItemsPath_MayReadAVariable()
    {
        var store = new InMemoryObjectStore();
        await store.PutAsync("work", "items.json", System.Text.Encoding.UTF8.GetBytes("[1, 2, 3, 4]"), CancellationToken.None);
        var definition = """
            {"StartAt": "Set", "States": {
              "Set": {"Type": "Pass", "Assign": {"take": 2}, "Next": "Each"},
              "Each": {"Type": "Map",
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "MaxItemsPath": "$take"}, "Parameters": {"Bucket": "work", "Key": "items.json"}},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "Work", "States": {"Work": {"Type": "Pass", "End": true}}},
                "End": true}}}
            """;

        var result = await new LocalEngine(new TaskRegistry(), store).ExecuteAsync(StateMachine.Parse(definition), new JsonObject(), Asl.Options());

        result.ShouldSucceed();
        result.Output.ShouldBeJson("[1, 2]");
    }

    [Fact]
    public async Task AReferenceToAnUnassignedVariable_FailsTheExecutionWithStatesRuntime()
    {
        var result = await Asl.RunAsync(Asl.Single(new JsonObject { ["Type"] = "Pass", ["Parameters"] = new JsonObject { ["total.$"] = "$total" } }));

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be(ErrorNames.Runtime);
        result.Cause.Should().Contain("the variable 'total' is not assigned");
    }

    [Theory]
    [InlineData("""{"Type": "Pass", "Assign": {"x.$": "$.a("}}""", "State 'S': Assign.x.$ is invalid*")]
    [InlineData("""{"Type": "Pass", "ResultPath": "$x"}""", "State 'S': ResultPath is invalid: '$x' is not a valid reference path: a variable cannot be used here")]
    public void AMalformedAssignOrAVariableAsResultPath_IsRefusedAtLoad(string state, string message)
    {
        var load = () => StateMachine.Parse(Asl.Single(JsonNode.Parse(state)!.AsObject()));

        load.Should().Throw<InvalidDefinitionException>().WithMessage(message);
    }

    private static JsonNode? AssignedBy(ExecutionResult result, string state) =>
        result.History.First(e => e.Details["name"]?.GetValue<string>() == state && e.Type.ToString().EndsWith("StateExited", StringComparison.Ordinal))
            .Details["assignedVariables"];
}
