using System.Text.Json.Nodes;

namespace Pipeline.Local.Definition;

/// <summary>A distributed Map's <c>ResultWriter</c>: <c>arn:aws:states:::s3:putObject</c> with Bucket and Prefix.</summary>
public sealed record ResultWriterConfig(string Resource, JsonNode Parameters)
{
    public const string PutObject = "arn:aws:states:::s3:putObject";
}
