using AslTimestamp = Pipeline.Workflows.Model.AslTimestamp;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Runner;

/// <summary>The EventBridge event S3 sends for a new object ("Object Created", source aws.s3), the state machine's input.</summary>
public static class ObjectCreatedEvent
{
    public static JsonObject Create(string bucket, string key, long size, string etag, DateTimeOffset time, string id, string region = "us-east-1", string account = "123456789012") =>
        new()
        {
            ["version"] = "0",
            ["id"] = id,
            ["detail-type"] = "Object Created",
            ["source"] = "aws.s3",
            ["account"] = account,
            ["time"] = AslTimestamp.FormatMilliseconds(time),
            ["region"] = region,
            ["resources"] = new JsonArray($"arn:aws:s3:::{bucket}"),
            ["detail"] = new JsonObject
            {
                ["version"] = "0",
                ["bucket"] = new JsonObject { ["name"] = bucket },
                ["object"] = new JsonObject
                {
                    ["key"] = key,
                    ["size"] = size,
                    ["etag"] = etag,
                    ["sequencer"] = time.UtcTicks.ToString("X16", CultureInfo.InvariantCulture),
                },
                ["request-id"] = id,
                ["requester"] = account,
                ["reason"] = "PutObject",
            },
        };
}
