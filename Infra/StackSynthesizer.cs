using Pipeline.Infra.Model;
using Pipeline.Infra.Settings;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra;

/// <summary>Resolves a stack's settings from a config source and builds its model.</summary>
public sealed class StackSynthesizer(IConfigSource source)
{
    public Stack Synthesize(string stack, bool requireSecrets) =>
        PipelineStackBuilder.Build(new StackSettingsResolver(source).Resolve(stack, requireSecrets));

    /// <summary>The folder holding Pulumi.yaml, searched upwards from <paramref name="start"/>.</summary>
    public static string FindProjectRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
