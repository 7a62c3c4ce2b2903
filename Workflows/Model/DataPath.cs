namespace Pipeline.Workflows.Model;

/// <summary>
/// The value of <c>InputPath</c>, <c>OutputPath</c> or <c>ResultPath</c>: a JSONPath, or <see cref="Null"/>
/// (rendered as JSON null: an empty input or output, or a discarded result).
/// </summary>
public sealed record DataPath
{
    private DataPath(string? path) => Path = path;

    public string? Path { get; }

    public static DataPath Null { get; } = new((string?)null);

    public static DataPath Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new DataPath(path);
    }

    public static implicit operator DataPath(string path) => Of(path);

    public override string ToString() => Path ?? "null";
}
