using System.Globalization;
using Pipeline.Functions.Errors;

namespace Pipeline.Functions.Configuration;

/// <summary>Reads handler configuration, failing with <see cref="InvalidConfiguration"/> that names the variable.</summary>
public sealed class EnvironmentReader
{
    private readonly Func<string, string?> lookup;

    public EnvironmentReader(Func<string, string?> lookup)
    {
        this.lookup = lookup;
    }

    public static EnvironmentReader FromProcess() => new(Environment.GetEnvironmentVariable);

    public static EnvironmentReader FromDictionary(IReadOnlyDictionary<string, string> values) =>
        new(name => values.TryGetValue(name, out var value) ? value : null);

    public string RequiredString(string name)
    {
        var value = lookup(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidConfiguration(name, "is required but not set");
        }

        return value.Trim();
    }

    public long OptionalInteger(string name, long defaultValue, long min, long max)
    {
        var text = lookup(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidConfiguration(name, $"'{text}' is not a whole number");
        }

        if (value < min || value > max)
        {
            throw new InvalidConfiguration(name, $"{value} is outside {min}..{max}");
        }

        return value;
    }
}
