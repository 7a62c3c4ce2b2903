namespace Pipeline.Workflows;

/// <summary>
/// Which state machine an upload starts, as the EventBridge rules route it: objects smaller than the threshold go to
/// the Express machine, the others to the Standard one. The stack settings choose the threshold per stack; the default
/// here is the dev stack's, so every reader of the rule (the Pulumi program, the local runner) uses the same value.
/// </summary>
public static class VariantRouting
{
    /// <summary>1 MiB: the dev stack's <c>expressMaxObjectBytes</c>.</summary>
    public const long DefaultExpressMaxObjectBytes = 1_048_576;

    /// <summary>Express for objects smaller than <paramref name="expressMaxObjectBytes"/>, Standard for the others.</summary>
    public static WorkflowVariant For(long objectSize, long expressMaxObjectBytes = DefaultExpressMaxObjectBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(objectSize);
        return objectSize < expressMaxObjectBytes ? WorkflowVariant.Express : WorkflowVariant.Standard;
    }
}
