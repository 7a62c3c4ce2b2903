namespace Pipeline.Workflows;

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
