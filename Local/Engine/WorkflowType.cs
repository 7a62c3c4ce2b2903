namespace Pipeline.Local.Engine;

public enum WorkflowType
{
    Standard,

    /// <summary>Limited to 5 minutes per execution; billed per request and GB-second.</summary>
    Express,
}
