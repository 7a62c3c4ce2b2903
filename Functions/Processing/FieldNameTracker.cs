using System.Text.Json;

namespace Pipeline.Functions.Processing;

/// <summary>
/// Finds repeated field names in one JSON object. Small objects are compared as raw bytes without
/// allocating; escaped names or large objects switch to a set of decoded names.
/// </summary>
internal sealed class FieldNameTracker
{
    private const int MaxComparedNames = 32;

    private readonly List<(int Start, int Length)> raw = [];
    private readonly HashSet<string> decoded = new(StringComparer.Ordinal);
    private bool useDecoded;

    public void Reset()
    {
        raw.Clear();
        decoded.Clear();
        useDecoded = false;
    }

    /// <summary>Adds the property name the reader is on; false when the object already had it.</summary>
    public bool Add(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (!useDecoded && (reader.ValueIsEscaped || raw.Count >= MaxComparedNames))
        {
            useDecoded = true;
            foreach (var (start, length) in raw)
            {
                decoded.Add(System.Text.Encoding.UTF8.GetString(json.Slice(start, length)));
            }
        }

        if (useDecoded)
        {
            return decoded.Add(reader.GetString()!);
        }

        var name = reader.ValueSpan;
        foreach (var (start, length) in raw)
        {
            if (json.Slice(start, length).SequenceEqual(name))
            {
                return false;
            }
        }

        // The raw name starts one byte after the token's opening quote.
        raw.Add(((int)reader.TokenStartIndex + 1, name.Length));
        return true;
    }
}
