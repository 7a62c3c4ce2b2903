using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Workflows.Paths;

namespace Pipeline.Workflows.Jsonata;

/// <summary>
/// The JSONata library as Step Functions runs it (developer guide, "Transforming data with JSONata": "JSONata functions
/// provided by Step Functions"): <c>$eval</c> removed; <c>$partition</c>, <c>$range</c>, <c>$hash</c>, <c>$random</c>,
/// <c>$uuid</c> and <c>$parse</c> added.
/// </summary>
public static class AwsJsonataFunctions
{
    private static readonly ConcurrentDictionary<string, JsonataExpression> Compiled = new(StringComparer.Ordinal);

    /// <summary>
    /// Parses an expression (without the braces) with AWS's library, once per process: the validator's check, the engine's
    /// load-time check and every later run share it. Throws <see cref="JsonataException"/> when it is malformed.
    /// </summary>
    public static JsonataExpression Compile(string expression) =>
        Compiled.TryGetValue(expression, out var known) ? known : Compiled.GetOrAdd(expression, Apply(JsonataExpression.Parse(expression)));

    private static JsonataExpression Apply(JsonataExpression expression) => expression
        .WithoutFunction("eval")
        .WithFunction("partition", Partition, "<an:a>")
        .WithFunction("range", Range, "<nnn:a>")
        .WithFunction("hash", Hash, "<ss:s>")
        .WithFunction("random", Random, "<n?:n>")
        .WithFunction("uuid", _ => JsonataResult.Of(Guid.NewGuid().ToString()), "<:s>")
        .WithFunction("parse", Parse, "<s:j>");

    private static JsonataResult Partition(IReadOnlyList<JsonataResult> arguments)
    {
        var array = arguments[0].Value as JsonArray ?? [];
        var size = (int)Number(arguments[1]);
        if (size < 1)
        {
            throw new JsonataException("D3101", "$partition needs a partition size of at least 1");
        }

        return JsonataResult.Of(new JsonArray([.. array.Chunk(size).Select(part => (JsonNode)new JsonArray([.. part.Select(item => item?.DeepClone())]))]));
    }

    private static JsonataResult Range(IReadOnlyList<JsonataResult> arguments)
    {
        var (start, end, step) = (Number(arguments[0]), Number(arguments[1]), Number(arguments[2]));
        if (step == 0)
        {
            throw new JsonataException("D3102", "$range needs a step other than 0");
        }

        var values = new JsonArray();
        for (var value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            values.Add((JsonNode)JsonValue.Create(value));
        }

        return JsonataResult.Of(values);
    }

    private static JsonataResult Hash(IReadOnlyList<JsonataResult> arguments)
    {
        var algorithm = arguments[1].Value!.GetValue<string>();
        return JsonataResult.Of(HashDigest.Of(arguments[0].Value!.GetValue<string>(), algorithm)
            ?? throw new JsonataException("D3103", $"$hash does not know the algorithm '{algorithm}' ({HashDigest.Algorithms})"));
    }

    private static JsonataResult Random(IReadOnlyList<JsonataResult> arguments) =>
        JsonataResult.Of(arguments.Count > 0 && !arguments[0].IsUndefined
            ? new System.Random((int)Number(arguments[0])).NextDouble()
            : System.Random.Shared.NextDouble());

    private static JsonataResult Parse(IReadOnlyList<JsonataResult> arguments)
    {
        try
        {
            return JsonataResult.Of(JsonNode.Parse(arguments[0].Value!.GetValue<string>()));
        }
        catch (JsonException ex)
        {
            throw new JsonataException("D3104", $"$parse was given a string that is not JSON: {ex.Message}");
        }
    }

    private static double Number(JsonataResult argument) =>
        JsonNumber.TryGet(argument.Value, out var number) ? number : throw new JsonataException("T0410", "a number was expected");
}
