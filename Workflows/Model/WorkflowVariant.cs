namespace Pipeline.Workflows;

/// <summary>The kind of state machine a definition is deployed as; Express adds limits the validator enforces.</summary>
public enum WorkflowVariant
{
    Standard,
    Express,
}
