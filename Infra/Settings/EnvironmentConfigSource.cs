using System.Text.Json;

namespace Pipeline.Infra.Settings;

/// <summary>
/// The <c>PULUMI_CONFIG</c> map Pulumi hands the compiler during a deployment: every config key of the
/// stack, as strings, secrets decrypted. Its text is never echoed, not even when it is malformed.
/// </summary>
public sealed class EnvironmentConfigSource(string json) : IConfigSource
{
    public const string Variable = "PULUMI_CONFIG";

    public string Description => Variable;

    public IReadOnlyDictionary<string, ConfigValue> Load(string stack)
    {
        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(stack);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var text = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
                var secret = property.Name == ConfigKeys.Qualified(ConfigKeys.NotificationEmail);
                values[property.Name] = new ConfigValue(text, secret);
            }
        }
        catch (JsonException)
        {
            throw Malformed(stack);
        }

        return values;
    }

    private static ConfigException Malformed(string stack) =>
        new($"Stack '{stack}': {Variable} is not a JSON object of config values (its content is not shown: it may hold secrets).");
}
