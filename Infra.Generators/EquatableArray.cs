using System.Collections;
using System.Collections.Immutable;

namespace Pipeline.Infra.Generators;

/// <summary>An immutable array compared by its items, so that the generator's pipeline caches models that hold one.</summary>
internal readonly struct EquatableArray<T>(ImmutableArray<T> items) : IEquatable<EquatableArray<T>>, IEnumerable<T>
    where T : IEquatable<T>
{
    private readonly ImmutableArray<T> items = items;

    public bool IsEmpty => items.IsDefaultOrEmpty;

    public bool Equals(EquatableArray<T> other) => AsArray().SequenceEqual(other.AsArray());

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode() =>
        AsArray().Aggregate(AsArray().Length, (hash, item) => unchecked((hash * 31) + item.GetHashCode()));

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)AsArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ImmutableArray<T> AsArray() => items.IsDefault ? ImmutableArray<T>.Empty : items;
}
