using System.Globalization;

namespace Pipeline.Infra.Settings;

public sealed record IntegerSetting(
    string Name,
    string Description,
    long Minimum,
    long Maximum,
    Func<StackSettings, long> Get,
    Func<StackSettings, long, StackSettings> Set,
    IReadOnlyList<long>? AllowedValues = null) : ConfigSetting(Name, Description)
{
    public override string Type => "integer";

    public override object Read(StackSettings settings) => Get(settings);

    public override StackSettings Apply(StackSettings settings, string text)
    {
        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(settings, text, "an integer");
        }

        if (AllowedValues is not null && !AllowedValues.Contains(value))
        {
            throw Invalid(settings, text, $"one of {string.Join(", ", AllowedValues)}");
        }

        if (value < Minimum || value > Maximum)
        {
            throw Invalid(settings, text, $"between {Minimum} and {Maximum}");
        }

        return Set(settings, value);
    }
}
