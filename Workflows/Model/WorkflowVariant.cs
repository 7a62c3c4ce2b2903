namespace Pipeline.Workflows.Model;

/// <summary>
/// The type of a state machine, in every project: the definition's rendering, the deployed machine, the local execution.
/// Express adds limits the validator and the engine enforce.
/// </summary>
public enum WorkflowVariant
{
    Standard,

    /// <summary>Limited to 5 minutes per execution; billed per request and GB-second.</summary>
    Express,
}
