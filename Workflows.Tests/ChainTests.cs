namespace Pipeline.Workflows.Tests;

public class ChainTests
{
    [Fact]
    public void SameStateObject_ShouldBeUsableInTwoDefinitionsWithDifferentSuccessors()
    {
        var shared = new PassState("Shared");
        var first = StateMachineDefinition.From(Chain.Start(shared).Next(new SucceedState("Done")));
        var second = StateMachineDefinition.From(Chain.Start(new PassState("Before")).Next(shared).Next(new FailState("Stop")));

        first.Graph.Find("Shared").Should().BeOfType<PassState>().Which.Next.Should().Be("Done");
        second.Graph.Find("Shared").Should().BeOfType<PassState>().Which.Next.Should().Be("Stop");
        shared.Next.Should().BeNull("linking copies the state; the original is never changed");
        shared.End.Should().BeFalse();
        WorkflowValidator.Validate(first, WorkflowVariant.Standard).Should().BeEmpty();
        WorkflowValidator.Validate(second, WorkflowVariant.Standard).Should().BeEmpty();
    }

    [Fact]
    public void Next_ShouldReturnANewChainAndLeaveTheOriginalOpen()
    {
        var start = Chain.Start(new PassState("A"));

        var extended = start.Next(new PassState("B"));

        start.Ends.Should().Equal("A");
        start.States.Should().ContainSingle();
        extended.Ends.Should().Equal("B");
        extended.States.Select(state => state.Name).Should().Equal("A", "B");
    }

    [Fact]
    public void Next_AfterAChoice_ShouldContinueEveryOpenBranch()
    {
        var choice = new ChoiceState("Route")
            .When(Condition.StringEquals("$.kind", "csv"), Chain.Start(new PassState("ParseCsv")).Next(new PassState("Normalize")))
            .Otherwise(new PassState("ParseJson"));

        var definition = StateMachineDefinition.From(Chain.Start(choice).Next(new SucceedState("Done")));

        definition.Graph.Find("Normalize").Should().BeOfType<PassState>().Which.Next.Should().Be("Done");
        definition.Graph.Find("ParseJson").Should().BeOfType<PassState>().Which.Next.Should().Be("Done");
        definition.States.Select(state => state.Name).Should().Equal("Route", "ParseCsv", "Normalize", "Done", "ParseJson");
        WorkflowValidator.Validate(definition, WorkflowVariant.Standard).Should().BeEmpty();
    }

    [Fact]
    public void Next_WhenTheChainHasNoOpenEnd_ShouldThrow()
    {
        var chain = Chain.Start(new PassState("Work")).Next(new SucceedState("Done"));

        var next = () => chain.Next(new PassState("After"));

        next.Should().Throw<InvalidOperationException>().WithMessage("*'Work'*'After'*no open end*");
    }

    [Fact]
    public void AddCatch_ShouldBringTheHandlerChainIntoTheDefinitionAfterTheNormalFlow()
    {
        var failure = Chain.Start(new PassState("Report")).Next(new FailState("Failed"));
        var load = TestDefinitions.Lambda("Load").AddCatch(failure, "$.error");
        var store = TestDefinitions.Lambda("Store").AddCatch(failure, "$.error");

        var definition = StateMachineDefinition.From(Chain.Start(load).Next(store).Next(new SucceedState("Done")));

        definition.States.Select(state => state.Name).Should().Equal("Load", "Store", "Done", "Report", "Failed");
        definition.Graph.Find("Load").Should().BeOfType<TaskState>().Which.Catch.Should().ContainSingle()
            .Which.Should().Match<Catcher>(catcher => catcher.Next == "Report" && catcher.ResultPath!.Path == "$.error" && catcher.ErrorEquals.Single() == ErrorNames.All);
        WorkflowValidator.Validate(definition, WorkflowVariant.Standard).Should().BeEmpty();
    }

    [Fact]
    public void BranchesAndItemProcessors_ShouldEndAtTheirOpenEnds()
    {
        var parallel = new ParallelState("Fan")
            .AddBranch(Chain.Start(new PassState("Left1")).Next(new PassState("Left2")))
            .AddBranch(new MapState("Each").WithItemProcessor(new PassState("Item")));

        parallel.Branches[0].Find("Left2").Should().BeOfType<PassState>().Which.End.Should().BeTrue();
        parallel.Branches[1].Find("Each").Should().BeOfType<MapState>()
            .Which.ItemProcessor!.Find("Item").Should().BeOfType<PassState>().Which.End.Should().BeTrue();
    }

    [Fact]
    public void AddRetry_ShouldKeepTheStateTypeAndAppendInOrder()
    {
        var first = new Retrier(["Lambda.ServiceException"]);
        var second = new Retrier([ErrorNames.All]);

        MapState map = new MapState("Each").AddRetry(first).AddRetry(second);

        map.Retry.Should().Equal(first, second);
    }
}
