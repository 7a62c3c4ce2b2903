using System.Collections.Immutable;
using Pipeline.Workflows.Model;
using Pipeline.Workflows.Payloads;

namespace Pipeline.Workflows.Conditions;

/// <summary>
/// A Choice rule condition: in JSONPath a comparison of the value at <c>Variable</c>, or <c>And</c>/<c>Or</c>/<c>Not</c> of
/// conditions; in JSONata one <c>{% %}</c> expression. The factory methods use the ASL operator names.
/// </summary>
public abstract record Condition
{
    /// <summary>A JSONata rule's <c>Condition</c>: <paramref name="expression"/> (rendered <c>{% expression %}</c>) must yield a boolean.</summary>
    public static JsonataCondition Jsonata(string expression) => new(JsonataText.Wrap(expression));

    public static AndCondition And(params Condition[] conditions) => new([.. conditions]);

    public static OrCondition Or(params Condition[] conditions) => new([.. conditions]);

    public static NotCondition Not(Condition condition) => new(condition);

    public static ComparisonCondition StringEquals(string variable, string value) => Text(variable, ComparisonOperator.StringEquals, value);

    public static ComparisonCondition StringEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.StringEqualsPath, path);

    public static ComparisonCondition StringLessThan(string variable, string value) => Text(variable, ComparisonOperator.StringLessThan, value);

    public static ComparisonCondition StringLessThanPath(string variable, string path) => Path(variable, ComparisonOperator.StringLessThanPath, path);

    public static ComparisonCondition StringGreaterThan(string variable, string value) => Text(variable, ComparisonOperator.StringGreaterThan, value);

    public static ComparisonCondition StringGreaterThanPath(string variable, string path) => Path(variable, ComparisonOperator.StringGreaterThanPath, path);

    public static ComparisonCondition StringLessThanEquals(string variable, string value) => Text(variable, ComparisonOperator.StringLessThanEquals, value);

    public static ComparisonCondition StringLessThanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.StringLessThanEqualsPath, path);

    public static ComparisonCondition StringGreaterThanEquals(string variable, string value) => Text(variable, ComparisonOperator.StringGreaterThanEquals, value);

    public static ComparisonCondition StringGreaterThanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.StringGreaterThanEqualsPath, path);

    /// <summary>Matches a pattern where <c>*</c> is a wildcard; <c>\*</c> and <c>\\</c> are a literal star and backslash.</summary>
    public static ComparisonCondition StringMatches(string variable, string pattern) => Text(variable, ComparisonOperator.StringMatches, pattern);

    public static ComparisonCondition NumericEquals(string variable, decimal value) => Number(variable, ComparisonOperator.NumericEquals, value);

    public static ComparisonCondition NumericEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.NumericEqualsPath, path);

    public static ComparisonCondition NumericLessThan(string variable, decimal value) => Number(variable, ComparisonOperator.NumericLessThan, value);

    public static ComparisonCondition NumericLessThanPath(string variable, string path) => Path(variable, ComparisonOperator.NumericLessThanPath, path);

    public static ComparisonCondition NumericGreaterThan(string variable, decimal value) => Number(variable, ComparisonOperator.NumericGreaterThan, value);

    public static ComparisonCondition NumericGreaterThanPath(string variable, string path) => Path(variable, ComparisonOperator.NumericGreaterThanPath, path);

    public static ComparisonCondition NumericLessThanEquals(string variable, decimal value) => Number(variable, ComparisonOperator.NumericLessThanEquals, value);

    public static ComparisonCondition NumericLessThanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.NumericLessThanEqualsPath, path);

    public static ComparisonCondition NumericGreaterThanEquals(string variable, decimal value) => Number(variable, ComparisonOperator.NumericGreaterThanEquals, value);

    public static ComparisonCondition NumericGreaterThanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.NumericGreaterThanEqualsPath, path);

    public static ComparisonCondition BooleanEquals(string variable, bool value) => Boolean(variable, ComparisonOperator.BooleanEquals, value);

    public static ComparisonCondition BooleanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.BooleanEqualsPath, path);

    public static ComparisonCondition TimestampEquals(string variable, DateTimeOffset value) => Timestamp(variable, ComparisonOperator.TimestampEquals, value);

    public static ComparisonCondition TimestampEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.TimestampEqualsPath, path);

    public static ComparisonCondition TimestampLessThan(string variable, DateTimeOffset value) => Timestamp(variable, ComparisonOperator.TimestampLessThan, value);

    public static ComparisonCondition TimestampLessThanPath(string variable, string path) => Path(variable, ComparisonOperator.TimestampLessThanPath, path);

    public static ComparisonCondition TimestampGreaterThan(string variable, DateTimeOffset value) => Timestamp(variable, ComparisonOperator.TimestampGreaterThan, value);

    public static ComparisonCondition TimestampGreaterThanPath(string variable, string path) => Path(variable, ComparisonOperator.TimestampGreaterThanPath, path);

    public static ComparisonCondition TimestampLessThanEquals(string variable, DateTimeOffset value) => Timestamp(variable, ComparisonOperator.TimestampLessThanEquals, value);

    public static ComparisonCondition TimestampLessThanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.TimestampLessThanEqualsPath, path);

    public static ComparisonCondition TimestampGreaterThanEquals(string variable, DateTimeOffset value) => Timestamp(variable, ComparisonOperator.TimestampGreaterThanEquals, value);

    public static ComparisonCondition TimestampGreaterThanEqualsPath(string variable, string path) => Path(variable, ComparisonOperator.TimestampGreaterThanEqualsPath, path);

    public static ComparisonCondition IsNull(string variable, bool expected = true) => Boolean(variable, ComparisonOperator.IsNull, expected);

    public static ComparisonCondition IsPresent(string variable, bool expected = true) => Boolean(variable, ComparisonOperator.IsPresent, expected);

    public static ComparisonCondition IsNumeric(string variable, bool expected = true) => Boolean(variable, ComparisonOperator.IsNumeric, expected);

    public static ComparisonCondition IsString(string variable, bool expected = true) => Boolean(variable, ComparisonOperator.IsString, expected);

    public static ComparisonCondition IsBoolean(string variable, bool expected = true) => Boolean(variable, ComparisonOperator.IsBoolean, expected);

    public static ComparisonCondition IsTimestamp(string variable, bool expected = true) => Boolean(variable, ComparisonOperator.IsTimestamp, expected);

    private static ComparisonCondition Text(string variable, ComparisonOperator op, string value) => new(variable, op, new PayloadText(value));

    private static ComparisonCondition Path(string variable, ComparisonOperator op, string path) => new(variable, op, new PayloadText(path));

    private static ComparisonCondition Number(string variable, ComparisonOperator op, decimal value) => new(variable, op, new PayloadNumber(value));

    private static ComparisonCondition Boolean(string variable, ComparisonOperator op, bool value) => new(variable, op, new PayloadBoolean(value));

    private static ComparisonCondition Timestamp(string variable, ComparisonOperator op, DateTimeOffset value) =>
        new(variable, op, new PayloadText(AslTimestamp.Format(value)));
}

/// <summary>
/// A data test: <c>{"Variable": ..., "&lt;Operator&gt;": operand}</c>. The operand is a <see cref="PayloadText"/>
/// (strings, timestamps, paths), a <see cref="PayloadNumber"/> or a <see cref="PayloadBoolean"/>.
/// </summary>
public sealed record ComparisonCondition(string Variable, ComparisonOperator Operator, PayloadValue Operand) : Condition;

/// <summary>A JSONata rule's condition: holds when <see cref="Expression"/>, written <c>{% ... %}</c>, yields true.</summary>
public sealed record JsonataCondition(string Expression) : Condition;

/// <summary>Holds when every condition holds.</summary>
public sealed record AndCondition(ImmutableArray<Condition> Conditions) : Condition;

/// <summary>Holds when any condition holds.</summary>
public sealed record OrCondition(ImmutableArray<Condition> Conditions) : Condition;

/// <summary>Holds when the condition does not.</summary>
public sealed record NotCondition(Condition Condition) : Condition;
