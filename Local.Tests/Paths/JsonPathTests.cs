using ErrorNames = Pipeline.Workflows.Model.ErrorNames;
using System.Text.Json.Nodes;

namespace Pipeline.Local.Tests.Paths;

public class JsonPathTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {"store": {"name": "s", "odd key": 1,
          "book": [{"title": "A", "price": 8}, {"title": "B", "price": 12}, {"title": "C", "price": 22, "tags": ["x"]}]}}
        """)!;

    [Theory]
    [InlineData("$.store.name", "\"s\"")]
    [InlineData("$['store']['odd key']", "1")]
    [InlineData("$.store[\"name\"]", "\"s\"")]
    [InlineData("$.store.book[0].title", "\"A\"")]
    [InlineData("$.store.book[-1].title", "\"C\"")]
    [InlineData("$.store.book[*].title", """["A","B","C"]""")]
    [InlineData("$.store.book[*].tags", """[["x"]]""")]
    [InlineData("$..price", "[8,12,22]")]
    [InlineData("$.store.book[0,2].title", """["A","C"]""")]
    [InlineData("$.store.book[1:].title", """["B","C"]""")]
    [InlineData("$.store.book[:2].price", "[8,12]")]
    [InlineData("$.store.book[?(@.price > 10)].title", """["B","C"]""")]
    [InlineData("$.store.book[?(@.title == 'A')].price", "[8]")]
    [InlineData("$.store.book[?(@.tags)].title", """["C"]""")]
    [InlineData("$.store.missing[*]", "[]")]
    [InlineData("$.store.book[?(@.price > 1 && @.price < 9)].title", """["A"]""")]
    [InlineData("$.store.book[?(@.price < 9 || @.title == 'C')].title", """["A","C"]""")]
    [InlineData("$.store.book[?(!(@.price < 9) && !@.tags)].title", """["B"]""")]
    [InlineData("$.store.book[?(@.title =~ /[ab]/i)].price", "[8,12]")]
    [InlineData("$.store.book[?(@.price>10&&@.price<20)].title", """["B"]""")]
    [InlineData("$.store.book[::-1].title", """["C","B","A"]""")]
    public void Evaluate_WhenPathIsSupported_ShouldSelectLikeStepFunctions(string path, string expected)
    {
        JsonPath.Parse(path).Evaluate(Document).ShouldBeJson(expected);
    }

    /// <summary>Bracket notation names any key: a backslash escapes the quote that delimits it, and itself.</summary>
    [Theory]
    [InlineData(@"$['it\'s']", "\"apostrophe\"")]
    [InlineData(@"$[""say \""hi\""""]", "\"quotes\"")]
    [InlineData(@"$['back\\slash']", "\"backslash\"")]
    [InlineData(@"$['dots.and[brackets]']", "\"punctuation\"")]
    [InlineData(@"$[""it's""]", "\"apostrophe\"")]
    public void BracketNotation_ReadsNamesWithEscapedQuotesAndBackslashes(string path, string expected)
    {
        var document = JsonNode.Parse("""
            {"it's": "apostrophe", "say \"hi\"": "quotes", "back\\slash": "backslash", "dots.and[brackets]": "punctuation"}
            """);

        Pipeline.Workflows.Validation.AslSyntax.Path(path).Should().BeNull("the validator's grammar accepts what the engine reads");
        JsonPath.Parse(path).Evaluate(document).ShouldBeJson(expected);
    }

    [Fact]
    public void Evaluate_WhenDefinitePathMatchesNothing_ShouldFailWithRuntimeError()
    {
        var act = () => JsonPath.Parse("$.store.nothing").Evaluate(Document);

        act.Should().Throw<StatesErrorException>().Which.Error.Should().Be(ErrorNames.Runtime);
    }

    [Theory]
    [InlineData("$.store.book.length()")]
    [InlineData("store.name")]
    [InlineData("$.store.book[?(@.price > )]")]
    public void Parse_WhenSyntaxIsUnsupported_ShouldFailNamingThePath(string path)
    {
        var act = () => JsonPath.Parse(path);

        act.Should().Throw<StatesErrorException>().Which.Cause.Should().Contain(path);
    }

    [Fact]
    public void ReferencePath_WhenIntermediateFieldsAreMissing_ShouldCreateThem()
    {
        var result = ReferencePath.Parse("$.a.b['c d']").Apply(JsonNode.Parse("""{"keep": true}"""), JsonValue.Create(5));

        result.ShouldBeJson("""{"keep": true, "a": {"b": {"c d": 5}}}""");
    }

    [Fact]
    public void ReferencePath_WhenPathHasWildcards_ShouldBeRejected()
    {
        var act = () => ReferencePath.Parse("$.a[*].b");

        act.Should().Throw<StatesErrorException>().Which.Cause.Should().Contain("$.a[*].b");
    }
}
