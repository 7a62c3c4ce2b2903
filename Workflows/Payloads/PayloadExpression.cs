namespace Pipeline.Workflows;

/// <summary>
/// A value computed at run time: a JSONPath (<c>$.x</c>, <c>$$.Execution.Name</c>) or an intrinsic function call
/// (<c>States.Format(...)</c>). Its field renders with the <c>.$</c> suffix.
/// </summary>
public sealed record PayloadExpression(string Expression) : PayloadValue;
