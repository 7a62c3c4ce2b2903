namespace Pipeline.Infra.Settings;

/// <summary>
/// One stack config value. <see cref="IsSecret"/> values are only checked for presence; their text
/// is never echoed. A secret read from a stack file is ciphertext and has no <see cref="Text"/>.
/// </summary>
public sealed record ConfigValue(string? Text, bool IsSecret = false)
{
    public override string ToString() => IsSecret ? "[secret]" : Text ?? string.Empty;
}
