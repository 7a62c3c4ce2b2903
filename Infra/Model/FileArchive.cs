namespace Pipeline.Infra.Model;

/// <summary>A folder or archive on disk, relative to the project root (<c>fn::fileArchive</c>).</summary>
public sealed record FileArchive(string Path);
