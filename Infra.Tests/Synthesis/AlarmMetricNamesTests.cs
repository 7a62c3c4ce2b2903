using System.IO.Compression;
using System.Text.Json;

namespace Pipeline.Infra.Tests.Synthesis;

/// <summary>
/// A misspelt metric never fires: every alarm's namespace, metric and dimension names are checked against AWS's published
/// CloudWatch metrics as <c>@aws-cdk/aws-service-spec</c> (AWS's own service specification, in <c>tools/</c>) lists them.
/// </summary>
public class AlarmMetricNamesTests
{
    private static readonly Lazy<HashSet<string>> Published = new(Load);

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryAlarmWatchesAMetricAwsPublishesWithItsDimensions(string stackName)
    {
        foreach (var alarm in Stacks.Named(stackName).All<CloudWatchMetricAlarm>())
        {
            Published.Value.Should().Contain(Key(alarm.Namespace, alarm.MetricName, alarm.Dimensions.Keys), alarm.LogicalName);
        }
    }

    [Fact]
    public void AMisspeltMetricIsNotPublished()
    {
        Published.Value.Should().Contain(Key("AWS/States", "ExecutionsTimedOut", ["StateMachineArn"]));
        Published.Value.Should().NotContain(Key("AWS/States", "ExecutionTimedOut", ["StateMachineArn"]));
        Published.Value.Should().NotContain(Key("AWS/Lambda", "Errors", ["StateMachineArn"]));
    }

    private static string Key(string ns, string metric, IEnumerable<string> dimensions) =>
        $"{ns} {metric} [{string.Join(",", dimensions.Order(StringComparer.Ordinal))}]";

    /// <summary>Every (namespace, metric, dimension set) of the specification's metrics and their dimension sets.</summary>
    private static HashSet<string> Load()
    {
        using var file = File.OpenRead(RepoPath.Of("tools", "node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz"));
        using var unzipped = new GZipStream(file, CompressionMode.Decompress);
        using var db = JsonDocument.Parse(unzipped);
        var schema = db.RootElement.GetProperty("schema");
        var sets = schema.GetProperty("dimensionSet").GetProperty("entities").EnumerateArray().ToDictionary(
            set => set.GetProperty("$id").GetString()!,
            set => set.GetProperty("dimensions").EnumerateArray().Select(dimension => dimension.GetProperty("name").GetString()!).ToList());
        var uses = schema.GetProperty("usesDimensionSet").GetProperty("forward");
        var published = new HashSet<string>(StringComparer.Ordinal);
        foreach (var metric in schema.GetProperty("metric").GetProperty("entities").EnumerateArray())
        {
            var id = metric.GetProperty("$id").GetString()!;
            if (!uses.TryGetProperty(id, out var dimensionSets))
            {
                continue;
            }

            foreach (var set in dimensionSets.EnumerateArray())
            {
                published.Add(Key(metric.GetProperty("namespace").GetString()!, metric.GetProperty("name").GetString()!, sets[set.GetProperty("$id").GetString()!]));
            }
        }

        return published;
    }
}
