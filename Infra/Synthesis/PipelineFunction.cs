namespace Pipeline.Infra.Synthesis;

/// <summary>One Lambda handler as the program deploys it.</summary>
/// <param name="Id">The logical function id the workflow uses (<c>LoadBatch</c>, ...).</param>
/// <param name="Handler">The Lambda handler string (<c>assembly::type::method</c>).</param>
/// <param name="TableNameVariable">The environment variable that receives the table name, if the handler uses the table.</param>
public sealed record PipelineFunction(string Id, string Handler, FunctionAccess Access, string? TableNameVariable = null)
{
    /// <summary><c>LoadBatch</c> becomes <c>load-batch</c>.</summary>
    public string KebabName => string.Concat(Id.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
