using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;
using Pipeline.Local.Errors;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Paths;

/// <summary>
/// A ResultPath, parsed by the one parser (<see cref="PathParser.ResultPath"/>): names and indexes into the input only.
/// Setting a value creates the missing objects along the way, as Step Functions does.
/// </summary>
public sealed class ReferencePath
{
    private static readonly ParsedTexts<ReferencePath> Parsed =
        new(text => new ReferencePath(text, PathParser.ResultPath(text).Segments), (text, ex) => $"Invalid reference path '{text}': {ex.Message}.");

    private readonly IReadOnlyList<PathSegment> segments;

    private ReferencePath(string text, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        this.segments = segments;
    }

    public string Text { get; }

    public static ReferencePath Parse(string text) => Parsed.Get(text);

    /// <summary>Returns <paramref name="root"/> with <paramref name="value"/> placed at this path.</summary>
    public JsonNode? Apply(JsonNode? root, JsonNode? value)
    {
        if (segments.Count == 0)
        {
            return value?.DeepClone();
        }

        var result = root?.DeepClone();
        if (result is not (JsonObject or JsonArray))
        {
            throw Mismatch(root);
        }

        var current = result;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            switch (segments[i], current)
            {
                case (PathSegment.Name name, JsonObject obj):
                    if (last)
                    {
                        obj[name.Value] = value?.DeepClone();
                    }
                    else
                    {
                        if (obj[name.Value] is not (JsonObject or JsonArray))
                        {
                            obj[name.Value] = new JsonObject();
                        }

                        current = obj[name.Value]!;
                    }

                    break;
                case (PathSegment.Index index, JsonArray array) when index.Value >= 0 && index.Value < array.Count:
                    if (last)
                    {
                        array[index.Value] = value?.DeepClone();
                    }
                    else
                    {
                        current = array[index.Value] ?? throw Mismatch(root);
                    }

                    break;
                default:
                    throw Mismatch(root);
            }
        }

        return result;
    }

    private StatesErrorException Mismatch(JsonNode? root) =>
        new(ErrorNames.ResultPathMatchFailure, $"Unable to apply ResultPath '{Text}' to input '{JsonText.Write(root)}'.");
}
