using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Workflows.Tests.Jsonata;

/// <summary>Loads the reference test suite copied under Suite/, every case named "group/case" or "group/file[index]".</summary>
public static partial class ConformanceSuite
{
    private static readonly Lazy<IReadOnlyDictionary<string, SuiteCase>> Loaded = new(Load);

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "Workflows.Tests", "Jsonata", "Suite");

    public static IReadOnlyDictionary<string, SuiteCase> Cases => Loaded.Value;

    private static Dictionary<string, SuiteCase> Load()
    {
        var datasets = Directory.GetFiles(Path.Combine(Folder, "datasets"), "*.json")
            .ToDictionary(file => Path.GetFileNameWithoutExtension(file), file => JsonNode.Parse(File.ReadAllText(file)), StringComparer.Ordinal);
        var cases = new Dictionary<string, SuiteCase>(StringComparer.Ordinal);
        foreach (var groupFolder in Directory.GetDirectories(Path.Combine(Folder, "groups")).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(groupFolder);
            foreach (var file in Directory.GetFiles(groupFolder, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var node = JsonNode.Parse(EscapeLoneSurrogates(File.ReadAllText(file)));
                if (node is JsonArray many)
                {
                    for (var index = 0; index < many.Count; index++)
                        Add(cases, Read(group, $"{group}/{name}[{index}]", groupFolder, many[index]!.AsObject(), datasets));
                }
                else
                {
                    Add(cases, Read(group, $"{group}/{name}", groupFolder, node!.AsObject(), datasets));
                }
            }
        }

        return cases;
    }

    /// <summary>
    /// A few cases hold a lone surrogate (\uD800) that System.Text.Json refuses to read as a string. Escaped once more,
    /// it reaches the expression as the JSONata string escape \uD800, which denotes the same character.
    /// </summary>
    private static string EscapeLoneSurrogates(string json) => LoneSurrogate().Replace(json, @"\\u$1");

    [GeneratedRegex(@"(?<!\\)\\u(d[89ab][0-9a-f]{2})(?!\\ud[c-f])", RegexOptions.IgnoreCase)]
    private static partial Regex LoneSurrogate();

    private static void Add(Dictionary<string, SuiteCase> cases, SuiteCase suiteCase) => cases.Add(suiteCase.Id, suiteCase);

    private static SuiteCase Read(string group, string id, string folder, JsonObject json, Dictionary<string, JsonNode?> datasets)
    {
        var expression = json.TryGetPropertyValue("expr", out var expr)
            ? expr!.GetValue<string>()
            : File.ReadAllText(Path.Combine(folder, json["expr-file"]!.GetValue<string>()));
        JsonNode? data = null;
        var hasInput = false;
        if (json.TryGetPropertyValue("data", out var inline))
        {
            data = inline?.DeepClone();
            hasInput = true;
        }
        else if (json.TryGetPropertyValue("dataset", out var dataset) && dataset is not null)
        {
            data = datasets[dataset.GetValue<string>()]?.DeepClone();
            hasInput = true;
        }

        var code = json["code"]?.GetValue<string>() ?? json["error"]?["code"]?.GetValue<string>();
        return new SuiteCase(
            group,
            id,
            expression,
            data,
            hasInput,
            json["bindings"] as JsonObject,
            json["timelimit"]?.GetValue<int>(),
            json["depth"]?.GetValue<int>(),
            json["result"]?.DeepClone(),
            json.ContainsKey("result"),
            json["undefinedResult"]?.GetValue<bool>() == true,
            code,
            json["unordered"]?.GetValue<bool>() == true);
    }
}
