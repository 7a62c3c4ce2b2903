using System.Globalization;
using Pipeline.Functions.Contracts;

namespace Pipeline.Functions.Storage;

/// <summary>
/// Where objects live inside the one ingest bucket: uploads under <c>incoming/</c>, staging objects
/// of one execution under <c>staging/&lt;executionName&gt;/</c>, quarantine files under <c>quarantine/</c>.
/// </summary>
public static class StorageLayout
{
    public const string IncomingPrefix = "incoming/";
    public const string StagingRoot = "staging/";
    public const string QuarantinePrefix = "quarantine/";

    private const string ChunksFolder = "chunks/";
    private const string ValidFolder = "valid/";
    private const string TransformedFolder = "transformed/";
    private const string ChunkExtension = ".ndjson";

    /// <summary><c>staging/&lt;executionName&gt;/</c>. Step Functions execution names never contain '/'.</summary>
    public static string StagingPrefix(string executionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionName);
        if (executionName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"execution name '{executionName}' must not contain '/'", nameof(executionName));
        }

        return $"{StagingRoot}{executionName}/";
    }

    /// <summary>The 6-digit id of the n-th chunk of a file (0-based); stable for the same file and chunk size.</summary>
    public static string ChunkId(int ordinal) => ordinal.ToString("D6", CultureInfo.InvariantCulture);

    public static string ChunkKey(string stagingPrefix, string chunkId) => $"{stagingPrefix}{ChunksFolder}{chunkId}{ChunkExtension}";

    public static string ValidChunkKey(string stagingPrefix, string chunkId) => $"{stagingPrefix}{ValidFolder}{chunkId}{ChunkExtension}";

    public static string TransformedChunkKey(string stagingPrefix, string chunkId) => $"{stagingPrefix}{TransformedFolder}{chunkId}{ChunkExtension}";

    public static string InvalidRecordsKey(string stagingPrefix) => $"{stagingPrefix}invalid{ChunkExtension}";

    public static string ManifestKey(string stagingPrefix) => $"{stagingPrefix}manifest.json";

    /// <summary>The valid chunks of one execution, one JSON line each (see <see cref="ValidChunk"/>).</summary>
    public static string ValidChunkListKey(string stagingPrefix) => $"{stagingPrefix}valid-chunks.jsonl";

    /// <summary>Where a distributed Map writes its children's results: one folder per Map Run, under the staging root so they expire with it.</summary>
    public const string ChunkResultsPrefix = $"{StagingRoot}chunk-results";

    /// <summary>The chunk id a chunk, valid-chunk or transformed-chunk key ends with.</summary>
    public static string ChunkIdOf(string chunkKey)
    {
        var name = chunkKey[(chunkKey.LastIndexOf('/') + 1)..];
        if (!name.EndsWith(ChunkExtension, StringComparison.Ordinal) || name.Length == ChunkExtension.Length)
        {
            throw new ArgumentException($"'{chunkKey}' is not a chunk key", nameof(chunkKey));
        }

        return name[..^ChunkExtension.Length];
    }

    /// <summary>Refuses a key outside the staging area: handlers only read what the pipeline itself wrote there.</summary>
    public static void RequireStagingObject(string key, string paramName)
    {
        if (!key.StartsWith(StagingRoot, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a staging object", paramName);
        }
    }

    /// <summary>Checks that a key handed to a handler lies under the execution's staging prefix.</summary>
    public static void RequireUnderStagingPrefix(string key, string stagingPrefix)
    {
        if (!stagingPrefix.StartsWith(StagingRoot, StringComparison.Ordinal) || !stagingPrefix.EndsWith('/') ||
            !key.StartsWith(stagingPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not under the staging prefix '{stagingPrefix}'", nameof(key));
        }
    }

    /// <summary>
    /// <c>quarantine/&lt;key without incoming/&gt;.&lt;etag&gt;.ndjson</c>: named after the source object
    /// and its version, so a re-delivered file overwrites its own quarantine file with the same lines.
    /// </summary>
    public static string QuarantineKey(SourceObject source) => $"{QuarantineStem(source)}.ndjson";

    /// <summary>
    /// Where Store puts the records of one chunk that the table refused: beside the file's quarantine file, one object per
    /// chunk, named by the source version and the chunk, so a retried or re-delivered chunk writes the same object.
    /// </summary>
    public static string RejectedKey(SourceObject source, string chunkId) => $"{QuarantineStem(source)}.rejected.{chunkId}.ndjson";

    private static string QuarantineStem(SourceObject source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var relative = source.Key.StartsWith(IncomingPrefix, StringComparison.Ordinal)
            ? source.Key[IncomingPrefix.Length..]
            : source.Key;
        return $"{QuarantinePrefix}{relative}.{NormalizeEtag(source.Etag)}";
    }

    /// <summary>An S3 ETag without the quotes S3 puts around it (EventBridge events carry it bare).</summary>
    public static string NormalizeEtag(string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return etag.Trim().Trim('"');
    }
}
