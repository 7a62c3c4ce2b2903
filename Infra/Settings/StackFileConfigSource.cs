using YamlDotNet.RepresentationModel;

namespace Pipeline.Infra.Settings;

/// <summary>Reads <c>Pulumi.&lt;stack&gt;.yaml</c> (<c>config: {key: value}</c>); <c>secure:</c> values stay ciphertext.</summary>
public sealed class StackFileConfigSource(string projectRoot) : IConfigSource
{
    public string Description => "Pulumi.<stack>.yaml";

    public IReadOnlyDictionary<string, ConfigValue> Load(string stack)
    {
        var path = Path.Combine(projectRoot, $"Pulumi.{stack}.yaml");
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new ConfigException($"Stack '{stack}': {Path.GetFileName(path)} is not valid YAML ({exception.Start}).", exception);
        }

        if (yaml.Documents.Count == 0
            || yaml.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
        {
            return values;
        }

        if (configNode is not YamlMappingNode config)
        {
            throw new ConfigException($"Stack '{stack}': 'config' in {Path.GetFileName(path)} must be a mapping.");
        }

        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            values[key] = valueNode switch
            {
                YamlScalarNode scalar => new ConfigValue(scalar.Value ?? string.Empty),
                YamlMappingNode mapping when mapping.Children.ContainsKey(new YamlScalarNode("secure")) => new ConfigValue(null, IsSecret: true),
                _ => throw new ConfigException($"Stack '{stack}': config '{key}' in {Path.GetFileName(path)} must be a single value."),
            };
        }

        return values;
    }
}
