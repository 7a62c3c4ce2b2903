using System.Collections.Immutable;
using Pipeline.Workflows.Resources;

namespace Pipeline.Workflows.Payloads;

/// <summary>
/// A value in a payload template (<c>Parameters</c>, <c>ResultSelector</c>, <c>ItemSelector</c>, Pass <c>Result</c>).
/// Strings, numbers, booleans and resource references convert implicitly, so templates read like JSON.
/// </summary>
public abstract record PayloadValue
{
    public static implicit operator PayloadValue(string value) => new PayloadText(value);

    public static implicit operator PayloadValue(int value) => new PayloadNumber(value);

    public static implicit operator PayloadValue(decimal value) => new PayloadNumber(value);

    public static implicit operator PayloadValue(bool value) => new PayloadBoolean(value);

    public static implicit operator PayloadValue(ResourceRef reference) => new PayloadResource(reference);
}

/// <summary>A literal string.</summary>
public sealed record PayloadText(string Value) : PayloadValue;

/// <summary>A literal number.</summary>
public sealed record PayloadNumber(decimal Value) : PayloadValue;

/// <summary>A literal boolean.</summary>
public sealed record PayloadBoolean(bool Value) : PayloadValue;

/// <summary>A literal JSON null.</summary>
public sealed record PayloadNull : PayloadValue
{
    private PayloadNull()
    {
    }

    public static PayloadNull Instance { get; } = new();
}

/// <summary>A logical resource, rendered as the string the resolver binds it to (an ARN, a Pulumi interpolation, ...).</summary>
public sealed record PayloadResource(ResourceRef Reference) : PayloadValue;

/// <summary>
/// A value computed at run time: a JSONPath (<c>$.x</c>, <c>$$.Execution.Name</c>) or an intrinsic function call
/// (<c>States.Format(...)</c>). Its field renders with the <c>.$</c> suffix.
/// </summary>
public sealed record PayloadExpression(string Expression) : PayloadValue;

/// <summary>A literal array.</summary>
public sealed record PayloadArray(ImmutableArray<PayloadValue> Items) : PayloadValue;

/// <summary>A payload object; its fields render in the order given.</summary>
public sealed record PayloadObject(ImmutableArray<PayloadField> Fields) : PayloadValue
{
    /// <summary>The value of the field named <paramref name="name"/>, or null.</summary>
    public PayloadValue? this[string name] => Fields.FirstOrDefault(field => field.Name == name)?.Value;
}

/// <summary>One field of a payload object.</summary>
public sealed record PayloadField(string Name, PayloadValue Value);
