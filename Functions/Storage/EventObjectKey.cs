using System.Net;

namespace Pipeline.Functions.Storage;

/// <summary>
/// An object key as an event carries it. S3 event notifications URL-encode keys (the S3 user guide, "Event message
/// structure": a space arrives as <c>+</c>); for EventBridge's <c>detail.object.key</c> AWS documents no encoding, and
/// emulators differ. So a key is tried as given, then decoded the way S3 encodes it, when the two differ.
/// </summary>
public static class EventObjectKey
{
    /// <summary>The keys to try for <paramref name="eventKey"/>, in order.</summary>
    public static IReadOnlyList<string> Candidates(string eventKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        var decoded = WebUtility.UrlDecode(eventKey);
        return decoded == eventKey ? [eventKey] : [eventKey, decoded];
    }

    /// <summary>How S3 notifications spell <paramref name="key"/>: each path segment URL-encoded, a space as <c>+</c>.</summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join('/', key.Split('/').Select(WebUtility.UrlEncode));
    }
}
