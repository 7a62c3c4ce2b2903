namespace Pipeline.Infra.Settings;

public sealed record BooleanSetting(
    string Name,
    string Description,
    Func<StackSettings, bool> Get,
    Func<StackSettings, bool, StackSettings> Set) : ConfigSetting(Name, Description)
{
    public override string Type => "boolean";

    public override object Read(StackSettings settings) => Get(settings);

    public override StackSettings Apply(StackSettings settings, string text) =>
        text.Trim().ToLowerInvariant() switch
        {
            "true" => Set(settings, true),
            "false" => Set(settings, false),
            _ => throw Invalid(settings, text, "true or false"),
        };
}
