using System.Text;
using Pipeline.Infra.Model;

namespace Pipeline.Infra.Emit;

/// <summary>How an <see cref="Input"/> is written in a Pulumi YAML string: escaped literals, <c>${...}</c> references.</summary>
public static class PulumiText
{
    public static string Render(Input input)
    {
        var builder = new StringBuilder();
        Append(builder, input);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Input input)
    {
        switch (input)
        {
            case Literal literal:
                builder.Append(PulumiEscaping.EscapeLiteral(literal.Value));
                break;
            case Reference reference:
                builder.Append("${").Append(reference.Expression).Append('}');
                break;
            case Interpolation interpolation:
                foreach (var part in interpolation.Parts)
                {
                    Append(builder, part);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown input {input.GetType().Name}.");
        }
    }
}
