namespace Pipeline.Local.Engine;

/// <summary>Matches an error name against a Retry or Catch ErrorEquals list the way Step Functions does.</summary>
internal static class ErrorMatcher
{
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        // States.Runtime is never retried nor caught; States.DataLimitExceeded escapes the wildcards.
        if (error == StatesErrors.Runtime)
        {
            return false;
        }

        return errorEquals.Any(candidate =>
            candidate == error
            || (candidate == StatesErrors.All && error != StatesErrors.DataLimitExceeded)
            || (candidate == StatesErrors.TaskFailed && error is not (StatesErrors.Timeout or StatesErrors.DataLimitExceeded)));
    }
}
