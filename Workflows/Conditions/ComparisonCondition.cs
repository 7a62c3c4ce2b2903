namespace Pipeline.Workflows;

/// <summary>
/// A data test: <c>{"Variable": ..., "&lt;Operator&gt;": operand}</c>. The operand is a <see cref="PayloadText"/>
/// (strings, timestamps, paths), a <see cref="PayloadNumber"/> or a <see cref="PayloadBoolean"/>.
/// </summary>
public sealed record ComparisonCondition(string Variable, ComparisonOperator Operator, PayloadValue Operand) : Condition;
