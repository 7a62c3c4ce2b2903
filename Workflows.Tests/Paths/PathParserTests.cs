namespace Pipeline.Workflows.Tests.Paths;

/// <summary>The one JSONPath parser: the trees the engine evaluates, and the reasons the validator gives.</summary>
public class PathParserTests
{
    [Fact]
    public void APathReadsItsRootAndEachStep()
    {
        var path = PathParser.Path("$.items[0]['odd key'].*");

        path.Root.Should().Be(PathRoot.Input);
        path.Segments.Should().Equal(
            new PathSegment.Name("items"), new PathSegment.Index(0), new PathSegment.Name("odd key"), new PathSegment.Wildcard());
        path.IsDefinite.Should().BeFalse();
    }

    [Theory]
    [InlineData("$$.Execution.Id", PathRoot.Context, null)]
    [InlineData("$total", PathRoot.Variable, "total")]
    [InlineData("$order.items[0]", PathRoot.Variable, "order")]
    [InlineData("$_private2", PathRoot.Variable, "_private2")]
    public void APathMayReadTheContextObjectOrAVariable(string text, PathRoot root, string? variable)
    {
        var path = PathParser.Path(text);

        path.Root.Should().Be(root);
        path.Variable.Should().Be(variable);
    }

    [Fact]
    public void AFilterCombinesComparisonsWithAndOrAndNot()
    {
        var filter = PathParser.Path("$.books[?(@.price > 1 && !(@.title == 'A') || @.tags)]").Segments[1];

        var expression = filter.Should().BeOfType<PathSegment.Filter>().Which.Expression;
        var or = expression.Should().BeOfType<FilterExpression.Or>().Which;
        var and = or.Left.Should().BeOfType<FilterExpression.And>().Which;
        var comparison = and.Left.Should().BeOfType<FilterExpression.Comparison>().Which;
        comparison.Operator.Should().Be(">");
        comparison.Right.Should().BeOfType<FilterOperand.Literal>().Which.Value!.GetValue<double>().Should().Be(1);
        and.Right.Should().BeOfType<FilterExpression.Not>();
        or.Right.Should().BeOfType<FilterExpression.Exists>().Which.Path.Segments.Should().Equal(new PathSegment.Name("tags"));
    }

    [Fact]
    public void ARegexFilterKeepsItsPatternAndFlags()
    {
        var filter = (PathSegment.Filter)PathParser.Path("$.a[?(@.name =~ /^da.*\\/x/i)]").Segments[1];

        var comparison = filter.Expression.Should().BeOfType<FilterExpression.Comparison>().Which;
        comparison.Right.Should().Be(new FilterOperand.Pattern("^da.*\\/x", "i"));
    }

    [Theory]
    [InlineData("$.a[?(@.b >)]", "the filter is invalid at position 11: an operand is missing")]
    [InlineData("$.a[?(@.b == 1 &&)]", "the filter is invalid at position 17: an operand is missing")]
    [InlineData("$.a[?(@.b in ['x'])]", "the filter is invalid at position 10: unexpected 'i'")]
    [InlineData("$.a[?('x')]", "the filter is invalid at position 9: a literal alone is not a condition")]
    [InlineData("$.a[::0]", "the slice '[::0]' has a step of 0")]
    public void AMalformedFilterOrSliceIsRefusedWithItsReason(string text, string reason)
    {
        var parse = () => PathParser.Path(text);

        parse.Should().Throw<PathSyntaxException>().WithMessage(reason);
    }

    [Theory]
    [InlineData("$$.Execution.Id", "the context object ($$) cannot be used here")]
    [InlineData("$total", "a variable cannot be used here")]
    [InlineData("$.a[*]", "a reference path can only select one field or index, not '[*]'")]
    public void AResultPathNamesOneNodeOfTheInput(string text, string reason)
    {
        var parse = () => PathParser.ResultPath(text);

        parse.Should().Throw<PathSyntaxException>().WithMessage(reason);
    }

    [Fact]
    public void AReferencePathMayReadAVariable()
    {
        PathParser.ReferencePath("$items.list").Root.Should().Be(PathRoot.Variable);
    }

    [Fact]
    public void AnIntrinsicCallHoldsItsArgumentsAsTheyWereWritten()
    {
        var call = IntrinsicParser.Parse("States.Format('it\\'s {} of {}', $count, States.ArrayLength($$.Execution.Input.items))");

        call.Name.Should().Be("States.Format");
        call.Arguments[0].Should().Be(new IntrinsicArgument.Text("it's {} of {}", "it\\'s {} of {}"));
        call.Arguments[1].Should().BeOfType<IntrinsicArgument.Path>().Which.Expression.Variable.Should().Be("count");
        var nested = call.Arguments[2].Should().BeOfType<IntrinsicArgument.Call>().Which.Expression;
        nested.Name.Should().Be("States.ArrayLength");
        nested.Arguments.Single().Should().BeOfType<IntrinsicArgument.Path>().Which.Expression.Root.Should().Be(PathRoot.Context);
    }

    [Theory]
    [InlineData("States.MathAdd(2, -1.5)", "2", "-1.5")]
    [InlineData("States.MathAdd(10, 3.0)", "10", "3")]
    public void IntrinsicNumbersAreIntegersWhenWhole(string text, string first, string second)
    {
        var call = IntrinsicParser.Parse(text);

        call.Arguments.Select(argument => ((IntrinsicArgument.Literal)argument).Value!.ToJsonString()).Should().Equal(first, second);
    }

    [Fact]
    public void AnExpressionIsAPathOrACall()
    {
        AslExpression.Parse("$.a").Should().BeOfType<PathExpression>();
        AslExpression.Parse("States.UUID()").Should().BeOfType<IntrinsicCall>();
        var parse = () => AslExpression.Parse("States.Nope()");
        parse.Should().Throw<PathSyntaxException>().WithMessage("'States.Nope()' is not a valid intrinsic function call: unknown intrinsic function 'States.Nope'");
    }
}
