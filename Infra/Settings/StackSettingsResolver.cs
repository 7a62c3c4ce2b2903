namespace Pipeline.Infra.Settings;

/// <summary>Applies a stack's config over its defaults, rejecting unknown, malformed and missing keys.</summary>
public sealed class StackSettingsResolver(IConfigSource source)
{
    /// <param name="requireSecrets">
    /// True during a deployment: the secret keys must then be present. A stack file alone cannot prove
    /// that (its secrets are ciphertext), so synthesis from files does not require them.
    /// </param>
    public StackSettings Resolve(string stack, bool requireSecrets)
    {
        var settings = StackDefaults.For(stack);
        var values = source.Load(stack);
        var prefix = ConfigKeys.Project + ":";

        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = key[prefix.Length..];
            if (name == ConfigKeys.NotificationEmail)
            {
                CheckEmail(stack, key, value);
                continue;
            }

            var setting = ConfigKeys.Settings.SingleOrDefault(candidate => candidate.Name == name)
                ?? throw new ConfigException(
                    $"Stack '{stack}': config key '{key}' (from {source.Description}) is not known. Known keys: "
                    + string.Join(", ", ConfigKeys.Settings.Select(known => known.Key).Append(ConfigKeys.Qualified(ConfigKeys.NotificationEmail)))
                    + ".");

            if (value.IsSecret || value.Text is null)
            {
                throw new ConfigException($"Stack '{stack}': config '{key}' must be a plain value, not a secret.");
            }

            settings = setting.Apply(settings, value.Text);
        }

        if (requireSecrets && !values.ContainsKey(ConfigKeys.Qualified(ConfigKeys.NotificationEmail)))
        {
            throw new ConfigException(
                $"Stack '{stack}': config '{ConfigKeys.Qualified(ConfigKeys.NotificationEmail)}' is missing. Set it with: "
                + $"pulumi config set --secret {ConfigKeys.Qualified(ConfigKeys.NotificationEmail)} <address> --stack {stack}");
        }

        return settings;
    }

    private static void CheckEmail(string stack, string key, ConfigValue value)
    {
        // A value read from a stack file is ciphertext; only a decrypted value can be checked.
        if (value.Text is null)
        {
            return;
        }

        var text = value.Text.Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.Any(char.IsWhiteSpace))
        {
            throw new ConfigException($"Stack '{stack}': config '{key}' is not an email address (its value is secret and not shown).");
        }
    }
}
