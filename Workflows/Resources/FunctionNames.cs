using System.Text;

namespace Pipeline.Workflows.Resources;

/// <summary>The physical name of a pipeline function: <c>LoadBatch</c> under <c>pipeline-dev</c> is <c>pipeline-dev-load-batch</c>.</summary>
public static class FunctionNames
{
    public static string Of(string prefix, string functionId)
    {
        ArgumentNullException.ThrowIfNull(functionId);
        var builder = new StringBuilder(prefix).Append('-');
        for (var index = 0; index < functionId.Length; index++)
        {
            if (char.IsUpper(functionId[index]) && index > 0)
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(functionId[index]));
        }

        return builder.ToString();
    }
}
