namespace Pipeline.Functions.Tests.BadInput;

/// <summary>
/// One kind of bad input and how it must end: <see cref="Error"/> set means the whole file fails
/// with InvalidInput at that position; otherwise every record is accounted for, the valid ones
/// transformed and each invalid one quarantined with a reason containing the given text.
/// </summary>
public sealed record BadInputCase(string Name, byte[] Content, string Key, ExpectedError? Error, int Total, int Valid, IReadOnlyList<string> Reasons);

public sealed record ExpectedError(long? Line, long? Byte, string Problem);
