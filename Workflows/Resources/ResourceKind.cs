namespace Pipeline.Workflows.Resources;

/// <summary>The kinds of logical resource a definition can name.</summary>
public enum ResourceKind
{
    Function,
    Topic,
    StateMachine,
    Bucket,
}
