namespace Pipeline.Infra.Model;

/// <summary>
/// A resource or nested block: its pulumi-aws input properties as (wire name, value) pairs, in declaration order.
/// Implementations are <c>partial</c> and declare each input once, as a C# property; Infra.Generators writes
/// <see cref="Properties"/> from them at build time (see <see cref="WireNameAttribute"/>), so the compiler, which runs
/// on every <c>pulumi up</c>, reads no property by reflection when it starts.
/// </summary>
public interface IPulumiObject
{
    IReadOnlyList<KeyValuePair<string, object?>> Properties();
}
