using System.Globalization;
using Pipeline.Infra.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pipeline.Infra.Emit;

/// <summary>Writes a program tree as YAML, quoting every string that YAML would otherwise read as another type.</summary>
public static class PulumiYamlWriter
{
    public static string Write(Node program)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, new EmitterSettings().WithBestWidth(int.MaxValue));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(emitter, program);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void Write(IEmitter emitter, Node node)
    {
        switch (node)
        {
            case ObjectNode obj:
                emitter.Emit(new MappingStart());
                foreach (var (key, value) in obj.Members)
                {
                    String(emitter, key);
                    Write(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case ArrayNode array:
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
                foreach (var item in array.Items)
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case StringNode text:
                String(emitter, PulumiText.Render(text.Text));
                break;
            case NumberNode number:
                emitter.Emit(new Scalar(number.Value.ToString(CultureInfo.InvariantCulture)));
                break;
            case BoolNode flag:
                emitter.Emit(new Scalar(flag.Value ? "true" : "false"));
                break;
            case FunctionNode function:
                emitter.Emit(new MappingStart());
                String(emitter, function.Function);
                Write(emitter, function.Argument);
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new InvalidOperationException($"Unknown node {node.GetType().Name}.");
        }
    }

    private static void String(IEmitter emitter, string value)
    {
        var plain = value.Length > 0
            && !value.Contains('\n', StringComparison.Ordinal)
            && !LooksLikeAnotherType(value);
        emitter.Emit(new Scalar(null, null, value, plain ? ScalarStyle.Any : ScalarStyle.DoubleQuoted, plain, true));
    }

    private static bool LooksLikeAnotherType(string value) =>
        value is "true" or "false" or "null" or "~" or "yes" or "no" or "on" or "off"
        || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("0o", StringComparison.OrdinalIgnoreCase);
}
