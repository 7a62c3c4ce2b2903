using WorkflowVariant = Pipeline.Workflows.Model.WorkflowVariant;
using Pipeline.Local.Engine;

namespace Pipeline.Local.Cost;

/// <summary>Prices an execution from its metering (transitions, virtual duration, Lambda calls) with <see cref="PriceList"/>.</summary>
public static class CostEstimator
{
    private const decimal BytesPerMb = 1024m * 1024m;

    public static CostEstimate Estimate(ExecutionResult result, CostAssumptions? assumptions = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        assumptions ??= new CostAssumptions();

        var billedDuration = Billed(result.Duration);
        var memoryMb = assumptions.ExpressMemoryMb
            ?? (PriceList.ExpressBaseMemoryMb + ((result.DefinitionBytes + result.FanOutDataBytes) / BytesPerMb));
        var billedMemoryMb = (int)Math.Max(1, Math.Ceiling(memoryMb / PriceList.ExpressMemoryChunkMb)) * PriceList.ExpressMemoryChunkMb;
        var expressGbSeconds = billedMemoryMb / 1024m * (decimal)billedDuration.TotalSeconds;

        // A distributed Map's children are billed as executions of their own type, whatever the parent's.
        var childCost = result.Children.Sum(child => child.Type == WorkflowVariant.Express
            ? PriceList.ExpressPerRequest + (PriceList.ExpressBaseMemoryMb / 1024m * (decimal)Billed(child.Duration).TotalSeconds * PriceList.ExpressPerGbSecond)
            : child.StateTransitions * PriceList.StandardPerStateTransition);

        var lambdaGbSeconds = result.LambdaInvocations.Sum(call =>
            assumptions.LambdaMemoryMb / 1024m * (decimal)Math.Ceiling(call.Duration.TotalMilliseconds) / 1000m);

        return new CostEstimate
        {
            StateTransitions = result.StateTransitions,
            StandardCost = result.StateTransitions * PriceList.StandardPerStateTransition,
            ExpressBilledDuration = billedDuration,
            ExpressBilledMemoryMb = billedMemoryMb,
            ExpressCost = PriceList.ExpressPerRequest + (expressGbSeconds * PriceList.ExpressPerGbSecond),
            LambdaInvocations = result.LambdaInvocations.Count,
            LambdaGbSeconds = lambdaGbSeconds,
            LambdaCost = (result.LambdaInvocations.Count * PriceList.LambdaPerRequest) + (lambdaGbSeconds * PriceList.LambdaArmPerGbSecond),
            ChildExecutions = result.Children.Count,
            ChildStateTransitions = result.Children.Sum(child => child.StateTransitions),
            ChildCost = childCost,
        };
    }

    private static TimeSpan Billed(TimeSpan duration)
    {
        var ms = (long)Math.Ceiling(duration.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Max(1, (ms + PriceList.ExpressDurationStepMs - 1) / PriceList.ExpressDurationStepMs) * PriceList.ExpressDurationStepMs);
    }
}
