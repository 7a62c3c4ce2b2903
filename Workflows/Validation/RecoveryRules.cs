using System.Collections.Immutable;
using Pipeline.Workflows.Model;

namespace Pipeline.Workflows.Validation;

/// <summary>Rules for ResultSelector/ResultPath, Retry and Catch.</summary>
internal static class RecoveryRules
{
    public static void Check(RecoverableState state, Action<string> error)
    {
        StateRules.CheckResultPath("ResultPath", state.ResultPath, error);
        for (var index = 0; index < state.Retry.Length; index++)
        {
            var field = $"Retry[{index}]";
            var retrier = state.Retry[index];
            CheckErrorEquals(field, retrier.ErrorEquals, index == state.Retry.Length - 1, "retrier", error);
            if (retrier.IntervalSeconds < 1)
                error($"{field}.IntervalSeconds must be >= 1 (is {retrier.IntervalSeconds})");
            if (retrier.MaxAttempts < 0)
                error($"{field}.MaxAttempts must be >= 0 (is {retrier.MaxAttempts})");
            if (retrier.BackoffRate < 1)
                error($"{field}.BackoffRate must be >= 1 (is {retrier.BackoffRate})");
            if (retrier.MaxDelaySeconds < 1)
                error($"{field}.MaxDelaySeconds must be >= 1 (is {retrier.MaxDelaySeconds})");
        }

        for (var index = 0; index < state.Catch.Length; index++)
        {
            var field = $"Catch[{index}]";
            CheckErrorEquals(field, state.Catch[index].ErrorEquals, index == state.Catch.Length - 1, "catcher", error);
            StateRules.CheckResultPath($"{field}.ResultPath", state.Catch[index].ResultPath, error);
        }
    }

    private static void CheckErrorEquals(string field, ImmutableArray<string> errorEquals, bool isLast, string kind, Action<string> error)
    {
        if (errorEquals.IsEmpty)
            error($"{field}.ErrorEquals must name at least one error");
        if (errorEquals.Any(string.IsNullOrWhiteSpace))
            error($"{field}.ErrorEquals has an empty error name");
        if (!errorEquals.Contains(ErrorNames.All))
            return;
        if (errorEquals.Length > 1)
            error($"{field}: {ErrorNames.All} must appear alone in ErrorEquals");
        if (!isLast)
            error($"{field}: {ErrorNames.All} must be in the last {kind}");
    }
}
