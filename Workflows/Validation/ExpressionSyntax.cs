namespace Pipeline.Workflows;

/// <summary>The value of a <c>.$</c> field: a JSONPath (input or context object) or an intrinsic function call.</summary>
internal static class ExpressionSyntax
{
    public static string? Check(string expression)
    {
        if (expression.StartsWith('$'))
        {
            var error = JsonPathSyntax.CheckPath(expression);
            return error is null ? null : $"'{expression}' is not a valid JSONPath: {error}";
        }

        if (IntrinsicSyntax.LooksLikeCall(expression))
        {
            var error = IntrinsicSyntax.Check(expression);
            return error is null ? null : $"'{expression}' is not a valid intrinsic function call: {error}";
        }

        return $"'{expression}' is neither a JSONPath (starting with $) nor an intrinsic function (States.*)";
    }
}
