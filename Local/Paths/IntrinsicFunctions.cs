using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Local.Errors;
using Pipeline.Workflows.Paths;

namespace Pipeline.Local.Paths;

/// <summary>
/// The States.* intrinsic functions of the JSONPath query language, evaluated over calls parsed by the one parser
/// (<see cref="IntrinsicParser"/>, which has checked names, arity and States.Format's placeholders). Arguments are string
/// literals, numbers, true/false/null, paths on the data, the context object or a variable, and nested calls.
/// Randomness (UUID, MathRandom without a seed) comes from the injected source so runs are reproducible.
/// </summary>
public sealed class IntrinsicFunctions
{
    private const int MaxStringLength = 10_000;
    private const int MaxRangeLength = 1_000;

    private readonly Random random;

    public IntrinsicFunctions(Random random)
    {
        this.random = random;
    }

    public JsonNode? Evaluate(IntrinsicCall call, PathScope scope)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = call.Arguments.Select(a => EvaluateArgument(a, scope)).ToList();
        var f = new Arguments(call.Name, args);
        return call.Name switch
        {
            "States.Format" => Format(f, call.Arguments[0] as IntrinsicArgument.Text),
            "States.StringToJson" => StringToJson(f),
            "States.JsonToString" => JsonValue.Create(JsonText.Write(f.Value(0))),
            "States.Array" => new JsonArray(args.Select(a => a.Value?.DeepClone()).ToArray()),
            "States.ArrayPartition" => ArrayPartition(f),
            "States.ArrayContains" => JsonValue.Create(f.Array(0).Any(item => JsonPath.ValuesEqual(item, f.Value(1)))),
            "States.ArrayRange" => ArrayRange(f),
            "States.ArrayGetItem" => ArrayGetItem(f),
            "States.ArrayLength" => JsonValue.Create(f.Array(0).Count),
            "States.ArrayUnique" => ArrayUnique(f),
            "States.Base64Encode" => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(f.BoundedString(0, MaxStringLength)))),
            "States.Base64Decode" => Base64Decode(f),
            "States.Hash" => Hash(f),
            "States.JsonMerge" => JsonMerge(f),
            "States.MathRandom" => MathRandom(f),
            "States.MathAdd" => JsonValue.Create(f.Rounded(0) + f.Rounded(1)),
            "States.StringSplit" => StringSplit(f),
            "States.UUID" => JsonValue.Create(NewUuid()),
            _ => throw new StatesErrorException(ErrorNames.Runtime, $"Unknown intrinsic function '{call.Name}'."),
        };
    }

    private Argument EvaluateArgument(IntrinsicArgument argument, PathScope scope) => argument switch
    {
        IntrinsicArgument.Call nested => new Argument(Evaluate(nested.Expression, scope)),
        IntrinsicArgument.Path path => new Argument(JsonPath.Of(path.Expression).Evaluate(scope)),
        IntrinsicArgument.Text text => new Argument(JsonValue.Create(text.Value)),
        IntrinsicArgument.Literal literal => new Argument(literal.Value?.DeepClone()),
        _ => throw new InvalidOperationException("Unknown intrinsic argument."),
    };

    /// <summary>A literal template's placeholders were counted when it was parsed; a template from a path or a call is counted here.</summary>
    private static JsonValue Format(Arguments f, IntrinsicArgument.Text? literalTemplate)
    {
        // A literal template as written keeps its escapes so that \{ and \} stay literal braces rather than placeholders.
        var template = literalTemplate?.Raw ?? f.String(0);
        var builder = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                builder.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= f.Values.Count)
                {
                    throw f.Failure("has more {} placeholders than arguments");
                }

                FormatValue(builder, f.Value(next++));
                i++;
            }
            else
            {
                builder.Append(c);
            }
        }

        return next == f.Values.Count ? JsonValue.Create(builder.ToString()) : throw f.Failure("has more arguments than {} placeholders");
    }

    /// <summary>
    /// How Step Functions writes a value into States.Format's template (recorded against AWS in LocalStack's
    /// intrinsic-function snapshots, test_generic: <c>{"Arg1": 1, "Arg2": []}</c> becomes <c>{Arg1=1, Arg2=[]}</c>):
    /// strings as they are, arrays and objects in Java's collection notation with their members written the same way,
    /// other values as JSON.
    /// </summary>
    private static void FormatValue(StringBuilder builder, JsonNode? value)
    {
        switch (value)
        {
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                builder.Append(text.GetValue<string>());
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    FormatValue(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, member) in obj)
                {
                    builder.Append(first ? string.Empty : ", ").Append(key).Append('=');
                    FormatValue(builder, member);
                    first = false;
                }

                builder.Append('}');
                break;
            default:
                builder.Append(JsonText.Write(value));
                break;
        }
    }

    /// <summary>An empty or blank string gives null, as Step Functions answers (LocalStack's AWS snapshots, test_string_to_json).</summary>
    private static JsonNode? StringToJson(Arguments f)
    {
        var text = f.String(0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw f.Failure($"received a string that is not JSON ({ex.Message})");
        }
    }

    private static JsonArray ArrayPartition(Arguments f)
    {
        var items = f.Array(0);
        var size = f.Integer(1);
        if (size <= 0)
        {
            throw f.Failure("needs a positive chunk size");
        }

        return new JsonArray(items.Chunk((int)size).Select(chunk => (JsonNode?)new JsonArray(chunk.Select(i => i?.DeepClone()).ToArray())).ToArray());
    }

    private static JsonArray ArrayRange(Arguments f)
    {
        var (first, last, step) = (f.Integer(0), f.Integer(1), f.Integer(2));
        if (step == 0)
        {
            throw f.Failure("needs a non-zero step");
        }

        var values = new JsonArray();
        for (var v = first; step > 0 ? v <= last : v >= last; v += step)
        {
            if (values.Count == MaxRangeLength)
            {
                throw f.Failure($"would return more than {MaxRangeLength} items");
            }

            values.Add(v);
        }

        return values;
    }

    private static JsonNode? ArrayGetItem(Arguments f)
    {
        var items = f.Array(0);
        var index = f.Integer(1);
        return index >= 0 && index < items.Count
            ? items[(int)index]?.DeepClone()
            : throw f.Failure($"index {index} is outside an array of {items.Count} items");
    }

    private static JsonArray ArrayUnique(Arguments f)
    {
        var unique = new List<JsonNode?>();
        foreach (var item in f.Array(0))
        {
            if (!unique.Any(u => JsonPath.ValuesEqual(u, item)))
            {
                unique.Add(item);
            }
        }

        return new JsonArray(unique.Select(u => u?.DeepClone()).ToArray());
    }

    private static JsonValue Base64Decode(Arguments f)
    {
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(f.BoundedString(0, MaxStringLength))));
        }
        catch (FormatException)
        {
            throw f.Failure("received a string that is not base64");
        }
    }

    private static JsonValue Hash(Arguments f)
    {
        var algorithm = f.String(1);
        return JsonValue.Create(HashDigest.Of(f.BoundedString(0, MaxStringLength), algorithm)
            ?? throw f.Failure($"does not know the algorithm '{algorithm}' ({HashDigest.Algorithms})"));
    }

    private static JsonObject JsonMerge(Arguments f)
    {
        if (f.Value(0) is not JsonObject left || f.Value(1) is not JsonObject right)
        {
            throw f.Failure("merges two JSON objects");
        }

        if (f.Value(2)?.GetValueKind() != JsonValueKind.False)
        {
            throw f.Failure("supports only the shallow merge: its third argument must be false");
        }

        var merged = (JsonObject)left.DeepClone();
        foreach (var (key, value) in right)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>A random integer with the start inclusive and the end exclusive; an optional seed makes it repeatable.</summary>
    private JsonValue MathRandom(Arguments f)
    {
        var (start, end) = (f.Integer(0), f.Integer(1));
        if (end <= start)
        {
            throw f.Failure("needs an end greater than its start");
        }

        var source = f.Values.Count == 3 ? new Random((int)f.Integer(2)) : random;
        return JsonValue.Create(source.NextInt64(start, end));
    }

    private static JsonArray StringSplit(Arguments f)
    {
        var delimiters = f.String(1).ToCharArray();
        var parts = f.String(0).Split(delimiters, StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    private string NewUuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private sealed record Argument(JsonNode? Value);

    private sealed record Arguments(string Name, IReadOnlyList<Argument> Values)
    {
        public JsonNode? Value(int index) => Values[index].Value;

        public string String(int index) =>
            Value(index)?.GetValueKind() == JsonValueKind.String ? Value(index)!.GetValue<string>() : throw Failure($"argument {index + 1} must be a string");

        public string BoundedString(int index, int max) =>
            String(index) is { Length: var length } s && length <= max ? s : throw Failure($"argument {index + 1} is longer than {max} characters");

        public JsonArray Array(int index) =>
            Value(index) as JsonArray ?? throw Failure($"argument {index + 1} must be an array");

        public long Integer(int index)
        {
            var number = JsonNumber.TryGet(Value(index), out var n) ? n : double.NaN;
            return number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue
                ? (long)number
                : throw Failure($"argument {index + 1} must be an integer");
        }

        /// <summary>
        /// A number rounded half up, as Java's Math.round: Step Functions' States.MathAdd rounds each argument so
        /// (LocalStack's AWS snapshots, test_math_add: 1.49 + 1.5 = 3, 1.5 + 1.51 = 4, -1.5 + -1.51 = -3).
        /// </summary>
        public long Rounded(int index)
        {
            var number = JsonNumber.TryGet(Value(index), out var n) ? n : double.NaN;
            return double.IsFinite(number) && Math.Abs(number) <= int.MaxValue
                ? (long)Math.Floor(number + 0.5)
                : throw Failure($"argument {index + 1} must be a number between {int.MinValue} and {int.MaxValue}");
        }

        public StatesErrorException Failure(string reason) =>
            new(ErrorNames.IntrinsicFailure, string.Create(CultureInfo.InvariantCulture, $"{Name} {reason}."));
    }
}
