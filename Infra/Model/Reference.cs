namespace Pipeline.Infra.Model;

/// <summary>
/// <c>${Target}</c> or <c>${Target.Property}</c>: a resource output, a variable or a config value.
/// </summary>
public sealed record Reference(string Target, string? Property = null) : Input
{
    public override IEnumerable<Reference> References() => [this];

    public string Expression => Property is null ? Target : $"{Target}.{Property}";

    public override string ToString() => "${" + Expression + "}";
}
