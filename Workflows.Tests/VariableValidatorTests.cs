using static Pipeline.Workflows.Tests.TestDefinitions;

namespace Pipeline.Workflows.Tests;

public class VariableValidatorTests
{
    private static StateMachineDefinition Jsonata(params IChainable[] parts) =>
        StateMachineDefinition.Jsonata(parts.Skip(1).Aggregate(Chain.Start(parts[0]), (chain, next) => chain.Next(next)));

    private static PassState Assigning(string name, string variable, PayloadValue? value = null) =>
        new(name) { Assign = Payload.Object((variable, value ?? 1)) };

    private static PassState Reading(string name, string variable) =>
        new(name) { Output = Payload.Jsonata($"${variable}") };

    [Fact]
    public void TheNameStatesIsReserved()
    {
        var definition = Jsonata(Assigning("Remember", "states"));

        ErrorsOf(definition).Should().Equal("Remember: Assign.states: the variable name 'states' is reserved");
    }

    [Fact]
    public void AVariableNameStartsWithALetterOrUnderscore()
    {
        var definition = Sequence(Assigning("Remember", "1st"), Assigning("Also", "order-id"), Assigning("Fine", "_total2"));

        ErrorsOf(definition).Should().Equal(
            "Remember: Assign.1st: '1st' is not a variable name: a letter or '_', then letters, digits or '_'",
            "Also: Assign.order-id: 'order-id' is not a variable name: a letter or '_', then letters, digits or '_'");
    }

    [Fact]
    public void AMapIterationCannotAssignItsOuterScopesVariable()
    {
        var map = new MapState("Each").WithItemProcessor(Assigning("Count", "total"));

        ErrorsOf(Jsonata(Assigning("Start", "total"), map)).Should().Equal(
            "Each > ItemProcessor > Count: Assign.total: a Parallel branch or Map iteration cannot assign $total, a variable of its outer scope");
    }

    [Fact]
    public void AParallelBranchCannotAssignItsOuterScopesVariable_FromACatcherEither()
    {
        var task = TaskState.Jsonata("Call", "arn:aws:lambda:us-east-1:123456789012:function:f")
            .AddCatch(new Catcher([ErrorNames.All], "Recovered") { Assign = Payload.Object(("status", "failed")) }) with { Next = "Recovered" };
        var branch = new StateGraph("Call", [task, new SucceedState("Recovered")]);
        var parallel = new ParallelState("Both") { Branches = [branch] };

        ErrorsOf(Jsonata(Assigning("Start", "status"), parallel)).Should().Equal(
            "Both > Branches[0] > Call: Catch[0].Assign.status: a Parallel branch or Map iteration cannot assign $status, a variable of its outer scope");
    }

    [Fact]
    public void SiblingBranchesMayAssignTheSameName_AndReadItInTheirOwnScope()
    {
        var parallel = new ParallelState("Both")
            .AddBranch(Chain.Start(Assigning("Left", "side", "left")).Next(Reading("LeftDone", "side")))
            .AddBranch(Chain.Start(Assigning("Right", "side", "right")).Next(Reading("RightDone", "side")));

        ErrorsOf(Jsonata(parallel)).Should().BeEmpty();
    }

    [Fact]
    public void AnIterationReadsItsOuterScopesVariables()
    {
        var map = new MapState("Each").WithItemProcessor(Reading("Use", "currency"));

        ErrorsOf(Jsonata(Assigning("Start", "currency", "EUR"), map)).Should().BeEmpty();
    }

    [Fact]
    public void ADistributedMapCannotReadItsParentsVariables()
    {
        var map = new MapState("Each") { ProcessorMode = MapProcessorMode.DistributedStandard }.WithItemProcessor(Reading("Use", "currency"));

        ErrorsOf(Jsonata(Assigning("Start", "currency", "EUR"), map)).Should().Equal(
            "Each > ItemProcessor > Use: Output reads $currency, which no state of this scope or of a scope around it that it can see assigns");
    }

    [Fact]
    public void WhatAnIterationAssigns_StaysInIt()
    {
        var map = new MapState("Each").WithItemProcessor(Assigning("Count", "seen"));

        ErrorsOf(Jsonata(map, Reading("After", "seen"))).Should().Equal(
            "After: Output reads $seen, which no state of this scope or of a scope around it that it can see assigns");
    }

    [Fact]
    public void FunctionsAndNamesAnExpressionBindsItself_AreNotVariables()
    {
        var definition = Jsonata(new PassState("Compute")
        {
            Output = Payload.Jsonata("($double := function($n) { $n * 2 }; $map($states.input, $double) ~> $partition(2))"),
        });

        ErrorsOf(definition).Should().BeEmpty();
    }

    [Fact]
    public void FunctionsPassedAsValues_StandardOrAws_AreNotVariables()
    {
        var definition = Jsonata(new PassState("Compute")
        {
            Output = Payload.Jsonata("{ 'labels': $map($states.input.ids, $string), 'ids': $map($states.input.ids, $uuid) }"),
        });

        ErrorsOf(definition).Should().BeEmpty();
    }

    [Fact]
    public void ANestedIntrinsicArgumentReadingAVariableNoScopeAssigns_IsRefused()
    {
        var pass = new PassState("Pick")
        {
            Parameters = Payload.Object(
                ("label", Payload.Intrinsic("States.Format('{} of {}', States.ArrayLength($.items), States.Format('{}', $shop.name))"))),
        };

        ErrorsOf(Sequence(pass)).Should().Equal(
            "Pick: Parameters.label reads $shop, which no state of this scope or of a scope around it that it can see assigns");
    }

    [Fact]
    public void AJsonPathStateReadingAVariableNoScopeAssigns_IsRefused()
    {
        var task = ServiceIntegrations.PublishToTopic("Notify", "alerts", "Done", Payload.Intrinsic("States.Format('{} orders', $count)"));

        ErrorsOf(Sequence(task)).Should().Contain(
            "Notify: Parameters.Message reads $count, which no state of this scope or of a scope around it that it can see assigns");
    }
}
