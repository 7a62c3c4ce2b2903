using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
namespace Pipeline.Local.Engine;

/// <summary>Matches an error name against a Retry or Catch ErrorEquals list the way Step Functions does.</summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        // States.Runtime is never retried nor caught; States.DataLimitExceeded escapes the wildcards.
        if (error == ErrorNames.Runtime)
        {
            return false;
        }

        return errorEquals.Any(candidate =>
            candidate == error
            || (candidate == ErrorNames.All && error != ErrorNames.DataLimitExceeded)
            || (candidate == ErrorNames.TaskFailed && error is not (ErrorNames.Timeout or ErrorNames.DataLimitExceeded)));
    }
}
