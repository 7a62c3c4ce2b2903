namespace Pipeline.Infra.Settings;

/// <summary>Where a stack's config comes from: keys are fully qualified (<c>pipeline:lambdaMemoryMb</c>, <c>aws:region</c>).</summary>
public interface IConfigSource
{
    /// <summary>A short description for messages, e.g. <c>Pulumi.dev.yaml</c> or <c>PULUMI_CONFIG</c>.</summary>
    string Description { get; }

    IReadOnlyDictionary<string, ConfigValue> Load(string stack);
}
