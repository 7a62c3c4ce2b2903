namespace Pipeline.Infra.Model;

/// <summary>
/// A resource or nested block: its pulumi-aws input properties as (camelCase name, value) pairs, in declaration
/// order. Each pair mirrors one C# init property; a test checks the two never drift apart. Listing them in code
/// rather than reading them by reflection keeps the compiler's start-up short (it runs on every <c>pulumi up</c>).
/// </summary>
public interface IPulumiObject
{
    IReadOnlyList<KeyValuePair<string, object?>> Properties();
}
