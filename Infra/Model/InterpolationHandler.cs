using System.Runtime.CompilerServices;

namespace Pipeline.Infra.Model;

/// <summary>Builds an <see cref="Input"/> from a C# interpolated string: <c>Input.Of($"{bucket.Arn}/incoming/*")</c>.</summary>
[InterpolatedStringHandler]
public ref struct InterpolationHandler
{
    private readonly List<Input> parts;

    public InterpolationHandler(int literalLength, int formattedCount)
    {
        _ = literalLength;
        parts = new List<Input>(formattedCount * 2 + 1);
    }

    public readonly void AppendLiteral(string value)
    {
        if (value.Length > 0)
        {
            parts.Add(new Literal(value));
        }
    }

    public readonly void AppendFormatted(Input value) => parts.Add(value);

    public readonly void AppendFormatted(string value) => AppendLiteral(value);

    public readonly void AppendFormatted(int value) =>
        AppendLiteral(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal readonly Input Build()
    {
        var merged = new List<Input>();
        foreach (var part in parts.SelectMany(Flatten))
        {
            if (part is Literal next && merged.Count > 0 && merged[^1] is Literal previous)
            {
                merged[^1] = new Literal(previous.Value + next.Value);
            }
            else
            {
                merged.Add(part);
            }
        }

        return merged switch
        {
            [] => new Literal(string.Empty),
            [var single] => single,
            _ => new Interpolation(merged),
        };
    }

    private static IEnumerable<Input> Flatten(Input input) =>
        input is Interpolation nested ? nested.Parts : [input];
}
