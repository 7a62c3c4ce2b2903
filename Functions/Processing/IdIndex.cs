using Pipeline.Functions.Records;

namespace Pipeline.Functions.Processing;

/// <summary>
/// The ids seen in one file with where each first appeared, for finding duplicates across a file
/// of millions of records: id bytes live in one growing arena and entries in flat arrays, so
/// adding an id allocates nothing per record (a string-keyed dictionary costs an object per id).
/// </summary>
internal sealed class IdIndex
{
    private byte[] arena;
    private int arenaUsed;
    private Entry[] entries;
    private int[] buckets;
    private int count;

    /// <remarks>
    /// Entries and the arena are sized to the ids expected, not to the next power of two, which would nearly double a
    /// large file's footprint (10,000,000 ids: 577 MiB before, see the Functions benchmark's --bench-validate-memory).
    /// </remarks>
    public IdIndex(int expectedIds)
    {
        var capacity = Math.Max(16, expectedIds);
        buckets = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity)];
        entries = new Entry[capacity];
        arena = new byte[capacity * 8L > Array.MaxLength ? Array.MaxLength : capacity * 8];
    }

    /// <summary>Adds an id; when it was already added, returns false with the first position.</summary>
    public bool TryAdd(ReadOnlySpan<byte> id, RecordPosition position, out RecordPosition first)
    {
        var hash = Hash(id);
        for (var at = buckets[hash & (buckets.Length - 1)] - 1; at >= 0; at = entries[at].Next - 1)
        {
            ref var entry = ref entries[at];
            if (entry.Hash == hash && arena.AsSpan(entry.Offset, entry.Length).SequenceEqual(id))
            {
                first = new RecordPosition(entry.Index, entry.Line);
                return false;
            }
        }

        if (count == entries.Length)
        {
            Grow();
        }

        if (arenaUsed + id.Length > arena.Length)
        {
            Array.Resize(ref arena, Math.Max(arena.Length * 2, arenaUsed + id.Length));
        }

        id.CopyTo(arena.AsSpan(arenaUsed));
        ref var bucket = ref buckets[hash & (buckets.Length - 1)];
        entries[count] = new Entry(arenaUsed, id.Length, hash, bucket, checked((int)position.Index), checked((int)position.Line));
        bucket = ++count;
        arenaUsed += id.Length;
        first = default;
        return true;
    }

    private static int Hash(ReadOnlySpan<byte> id)
    {
        var hash = default(HashCode);
        hash.AddBytes(id);
        return hash.ToHashCode();
    }

    private void Grow()
    {
        Array.Resize(ref entries, entries.Length * 2);
        buckets = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)entries.Length)];
        for (var i = 0; i < count; i++)
        {
            ref var bucket = ref buckets[entries[i].Hash & (buckets.Length - 1)];
            entries[i].Next = bucket;
            bucket = i + 1;
        }
    }

    /// <summary>
    /// <see cref="Next"/> is the 1-based index of the next entry in the bucket (0: none). Positions
    /// fit in 32 bits: a file holds at most int.MaxValue records and bytes.
    /// </summary>
    private record struct Entry(int Offset, int Length, int Hash, int Next, int Index, int Line);
}
