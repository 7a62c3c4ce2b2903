namespace Pipeline.Infra.Model;

/// <summary>A pulumi-aws type token, e.g. <c>aws:s3:Bucket</c> (module <c>s3</c>, class <c>Bucket</c>).</summary>
public sealed record ResourceType(string Module, string Class)
{
    public const string Package = "aws";

    public string Token => $"{Package}:{Module}:{Class}";

    public override string ToString() => Token;
}
