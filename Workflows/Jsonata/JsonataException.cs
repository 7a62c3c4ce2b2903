namespace Pipeline.Workflows.Jsonata;

/// <summary>
/// A JSONata error, raised when an expression does not parse or fails at evaluation, carrying the reference
/// implementation's error code (S0201, T2001, D3001, ...), the character position and, where known, the token.
/// </summary>
public sealed class JsonataException : Exception
{
    public JsonataException(string code, string message, int position = -1, string? token = null)
        : base(message)
    {
        Code = code;
        Position = position;
        Token = token;
    }

    public string Code { get; }

    public int Position { get; }

    public string? Token { get; }
}
