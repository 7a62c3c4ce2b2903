namespace Pipeline.Workflows;

/// <summary>The Map <c>ProcessorConfig</c>: inline iterations, or a distributed Map running child executions.</summary>
public enum MapProcessorMode
{
    Inline,
    DistributedStandard,
    DistributedExpress,
}
