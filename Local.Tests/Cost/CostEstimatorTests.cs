using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Cost;

public class CostEstimatorTests
{
    [Fact]
    public async Task Standard_ShouldCostTransitionsTimesThePricePerTransition()
    {
        var definition = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Succeed"}}}
            """;

        var estimate = CostEstimator.Estimate(await Asl.RunAsync(definition));

        estimate.StateTransitions.Should().Be(3);
        estimate.StandardCost.Should().Be(3 * 0.000025m);
        estimate.LambdaCost.Should().Be(0);
        estimate.StandardTotal.Should().Be(estimate.StandardCost);
    }

    [Fact]
    public async Task Express_ShouldBillOneRequestAndDurationRoundedUpTo100MsIn64MbChunks()
    {
        var definition = """{"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.s", "End": true}}}""";
        var result = await Asl.RunAsync(definition, """{"s": 1}""") with { StopTime = Asl.Start.AddMilliseconds(1_250) };

        var estimate = CostEstimator.Estimate(result);

        estimate.ExpressBilledDuration.Should().Be(TimeSpan.FromMilliseconds(1_300));
        estimate.ExpressBilledMemoryMb.Should().Be(64);
        estimate.ExpressCost.Should().Be(0.000001m + (64m / 1024m * 1.3m * (0.06m / 3600m)));
    }

    [Fact]
    public async Task ExpressMemory_ShouldFollowAwssFormulaOfBaseDefinitionAndFanOutData()
    {
        var small = await Asl.RunAsync(Asl.Single(new() { ["Type"] = "Pass" }));
        var large = small with { FanOutDataBytes = 20L * 1024 * 1024 };

        CostEstimator.Estimate(small).ExpressBilledMemoryMb.Should().Be(64, "50 MB plus a tiny definition fits in one 64 MB chunk");
        CostEstimator.Estimate(large).ExpressBilledMemoryMb.Should().Be(128, "70 MB needs two chunks");
        CostEstimator.Estimate(small, new CostAssumptions { ExpressMemoryMb = 200 }).ExpressBilledMemoryMb.Should().Be(256);
    }

    [Fact]
    public async Task Lambda_ShouldCountInvocationsAndGbSecondsAtTheConfiguredMemory()
    {
        var registry = new TaskRegistry().RegisterFunction("Work", async (JsonNode? input, TaskContext context) =>
        {
            await context.Clock.Delay(TimeSpan.FromSeconds(2), context.CancellationToken);
            return input;
        });
        var definition = """
            {"StartAt": "One", "States": {
              "One": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Work", "Next": "Two"},
              "Two": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Work"}, "End": true}}}
            """;

        var result = await Asl.RunAsync(definition, "{}", registry);
        var estimate = CostEstimator.Estimate(result, new CostAssumptions { LambdaMemoryMb = 512 });

        result.ShouldSucceed();
        estimate.LambdaInvocations.Should().Be(2);
        estimate.LambdaGbSeconds.Should().BeApproximately(2m, 0.5m, "two calls of 2 virtual seconds at 0.5 GB, plus the real time they took");
        estimate.LambdaGbSeconds.Should().BeGreaterThanOrEqualTo(2m);
        estimate.LambdaCost.Should().Be((2 * 0.0000002m) + (estimate.LambdaGbSeconds * 0.0000133334m));
        estimate.ExpressTotal.Should().Be(estimate.ExpressCost + estimate.LambdaCost);
    }
}
