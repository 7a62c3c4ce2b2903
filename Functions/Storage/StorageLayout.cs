using System.Globalization;

namespace Pipeline.Functions;

/// <summary>
/// Where objects live inside the one ingest bucket: uploads under <c>incoming/</c>, work objects
/// of one execution under <c>staging/&lt;executionName&gt;/</c>, quarantine files under <c>quarantine/</c>.
/// </summary>
public static class StorageLayout
{
    public const string IncomingPrefix = "incoming/";
    public const string WorkRoot = "staging/";
    public const string QuarantinePrefix = "quarantine/";

    private const string ChunksFolder = "chunks/";
    private const string ValidFolder = "valid/";
    private const string TransformedFolder = "transformed/";
    private const string ChunkExtension = ".ndjson";

    /// <summary><c>staging/&lt;executionName&gt;/</c>. Step Functions execution names never contain '/'.</summary>
    public static string WorkPrefix(string executionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executionName);
        if (executionName.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"execution name '{executionName}' must not contain '/'", nameof(executionName));
        }

        return $"{WorkRoot}{executionName}/";
    }

    /// <summary>The 6-digit id of the n-th chunk of a file (0-based); stable for the same file and chunk size.</summary>
    public static string ChunkId(int ordinal) => ordinal.ToString("D6", CultureInfo.InvariantCulture);

    public static string ChunkKey(string workPrefix, string chunkId) => $"{workPrefix}{ChunksFolder}{chunkId}{ChunkExtension}";

    public static string ValidChunkKey(string workPrefix, string chunkId) => $"{workPrefix}{ValidFolder}{chunkId}{ChunkExtension}";

    public static string TransformedChunkKey(string workPrefix, string chunkId) => $"{workPrefix}{TransformedFolder}{chunkId}{ChunkExtension}";

    public static string InvalidRecordsKey(string workPrefix) => $"{workPrefix}invalid{ChunkExtension}";

    public static string ManifestKey(string workPrefix) => $"{workPrefix}manifest.json";

    /// <summary>The valid chunks of one execution, one JSON line each (see <see cref="ValidChunk"/>).</summary>
    public static string ValidChunkListKey(string workPrefix) => $"{workPrefix}valid-chunks.jsonl";

    /// <summary>Where a distributed Map writes its children's results: one folder per Map Run, under the work root so they expire with it.</summary>
    public const string ChunkResultsPrefix = $"{WorkRoot}chunk-results";

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
    public static void RequireWorkObject(string key, string paramName)
    {
        if (!key.StartsWith(WorkRoot, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a work object", paramName);
        }
    }

    /// <summary>Checks that a key handed to a handler lies under the execution's work prefix.</summary>
    public static void RequireUnderWorkPrefix(string key, string workPrefix)
    {
        if (!workPrefix.StartsWith(WorkRoot, StringComparison.Ordinal) || !workPrefix.EndsWith('/') ||
            !key.StartsWith(workPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not under the work prefix '{workPrefix}'", nameof(key));
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
