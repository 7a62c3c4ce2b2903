using Pipeline.Infra.Model;

namespace Pipeline.Infra.Aws.CloudWatch;

/// <summary>A metric alarm.</summary>
public sealed partial record CloudWatchMetricAlarm : Resource
{
    public static readonly ResourceType Token = new("cloudwatch", "MetricAlarm");

    public CloudWatchMetricAlarm(string logicalName) : base(logicalName)
    {
    }

    public override ResourceType TypeToken => Token;

    public required string Name { get; init; }

    public required string AlarmDescription { get; init; }

    public required string Namespace { get; init; }

    public required string MetricName { get; init; }

    public required IReadOnlyDictionary<string, Input> Dimensions { get; init; }

    public required string Statistic { get; init; }

    public required int Period { get; init; }

    public required int EvaluationPeriods { get; init; }

    public required long Threshold { get; init; }

    public required string ComparisonOperator { get; init; }

    public required string TreatMissingData { get; init; }

    public required bool ActionsEnabled { get; init; }

    public required IReadOnlyList<Input> AlarmActions { get; init; }
}
