namespace Pipeline.Infra.Settings;

/// <summary>A non-secret config key that overrides one field of <see cref="StackSettings"/>.</summary>
public abstract record ConfigSetting(string Name, string Description)
{
    public string Key => $"{ConfigKeys.Project}:{Name}";

    /// <summary>The Pulumi YAML config type: <c>integer</c> or <c>boolean</c>.</summary>
    public abstract string Type { get; }

    public abstract object Read(StackSettings settings);

    /// <summary>Parses <paramref name="text"/> and returns the settings with it applied.</summary>
    public abstract StackSettings Apply(StackSettings settings, string text);

    protected ConfigException Invalid(StackSettings settings, string text, string expectation) =>
        new($"Stack '{settings.StackName}': config '{Key}' must be {expectation}, but is '{text}'.");
}
