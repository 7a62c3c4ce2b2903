using System.Text.Json;

namespace Pipeline.Functions;

/// <summary>
/// Finds repeated field names in one JSON object. Small objects are compared as raw bytes without
/// allocating; escaped names or large objects switch to a set of decoded names.
/// </summary>
internal sealed class FieldNameTracker
{
    private const int MaxComparedNames = 32;

    private readonly List<(int Start, int Length)> _raw = [];
    private readonly HashSet<string> _decoded = new(StringComparer.Ordinal);
    private bool _useDecoded;

    public void Reset()
    {
        _raw.Clear();
        _decoded.Clear();
        _useDecoded = false;
    }

    /// <summary>Adds the property name the reader is on; false when the object already had it.</summary>
    public bool Add(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        if (!_useDecoded && (reader.ValueIsEscaped || _raw.Count >= MaxComparedNames))
        {
            _useDecoded = true;
            foreach (var (start, length) in _raw)
            {
                _decoded.Add(System.Text.Encoding.UTF8.GetString(json.Slice(start, length)));
            }
        }

        if (_useDecoded)
        {
            return _decoded.Add(reader.GetString()!);
        }

        var name = reader.ValueSpan;
        foreach (var (start, length) in _raw)
        {
            if (json.Slice(start, length).SequenceEqual(name))
            {
                return false;
            }
        }

        // The raw name starts one byte after the token's opening quote.
        _raw.Add(((int)reader.TokenStartIndex + 1, name.Length));
        return true;
    }
}
