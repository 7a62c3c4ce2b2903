using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Pipeline.Functions.Tests.Table;

/// <summary>
/// The acceptance rule against AWS's own DynamoDB Local: at each limit the rule draws, the item our rule accepts is
/// accepted by DynamoDB Local, and one byte, digit or level more is refused by both.
/// </summary>
[Collection(LocalAwsCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StorableItemOracleTests(LocalAwsFixture aws)
{
    public static TheoryData<string, Func<int, string>> Shapes => new()
    {
        { "one long string", n => Item($"\"data\":\"{new string('x', n)}\"") },
        { "many numbers in a map", n => Item($"\"m\":{{{string.Join(",", Enumerable.Range(0, n).Select(i => $"\"k{i}\":12345678901234567"))}}}") },
        { "a list of booleans and nulls", n => Item($"\"l\":[{string.Join(",", Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "true" : "null"))}]") },
        { "nested lists of strings with multibyte text", n => Item($"\"l\":[{string.Join(",", Enumerable.Range(0, n).Select(_ => "[\"é😀\"]"))}]") },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task TheLargestItemTheRuleAccepts_DynamoDbLocalAccepts_AndTheNextLargerBothRefuse(string shape, Func<int, string> item)
    {
        var table = await aws.CreateTableAsync();
        var largest = LargestAccepted(item);

        (await PutAsync(table, item(largest))).Should().BeNull($"{shape}: {Size(item(largest))} bytes by the rule");
        Problems(item(largest + 1)).Should().ContainSingle().Which.Should().Contain("400 KB");
        (await PutAsync(table, item(largest + 1))).Should().Contain("size", $"{shape}: {Size(item(largest + 1))} bytes by the rule");
    }

    [Fact]
    public async Task NestingAtDynamoDbsLimit_IsAccepted_AndOneLevelMoreRefusedByBoth()
    {
        var table = await aws.CreateTableAsync();
        string Lists(int containers) => Item($"\"deep\":{new string('[', containers)}1{new string(']', containers)}");
        string Maps(int containers) => Item($"\"deep\":{string.Concat(Enumerable.Repeat("{\"a\":", containers))}1{new string('}', containers)}");

        // The item is the first of DynamoDB's 32 levels: an attribute holds at most 31 nested lists or maps.
        foreach (var nested in new Func<int, string>[] { Lists, Maps })
        {
            Problems(nested(StorableItem.MaxNestingLevels - 1)).Should().BeEmpty();
            (await PutAsync(table, nested(StorableItem.MaxNestingLevels - 1))).Should().BeNull();
            Problems(nested(StorableItem.MaxNestingLevels)).Should().ContainSingle().Which.Should().Contain("nested deeper");
            (await PutAsync(table, nested(StorableItem.MaxNestingLevels))).Should().Contain("Nesting");
        }
    }

    [Theory]
    [InlineData("1E-130", true)]
    [InlineData("1E-131", false)]
    [InlineData("9.9999999999999999999999999999999999999E+125", true)]
    [InlineData("1E+126", false)]
    [InlineData("12345678901234567890123456789012345678", true)]
    [InlineData("123456789012345678901234567890123456789", false)]
    public async Task NumbersAtDynamoDbsLimits_AreJudgedAsDynamoDbLocalJudgesThem(string number, bool accepted)
    {
        var table = await aws.CreateTableAsync();
        var item = Item($"\"n\":{number}");
        var sent = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "RECORD#x" },
            ["sk"] = new() { S = "RECORD" },
            ["n"] = new() { N = number },
        };

        Problems(item).Should().HaveCount(accepted ? 0 : 1);
        (await PutAsync(table, sent) is null).Should().Be(accepted);
    }

    [Theory]
    [InlineData(StorableItem.MaxPartitionKeyBytes, true)]
    [InlineData(StorableItem.MaxPartitionKeyBytes + 1, false)]
    public async Task PartitionKeysAtTheLimit_AreJudgedAsDynamoDbLocalJudgesThem(int bytes, bool accepted)
    {
        var table = await aws.CreateTableAsync();
        var item = $"{{\"pk\":\"{new string('k', bytes)}\",\"sk\":\"RECORD\"}}";

        Problems(item).Should().HaveCount(accepted ? 0 : 1);
        (await PutAsync(table, item) is null).Should().Be(accepted);
    }

    [Theory]
    [InlineData("\"\\udc00\"", "\\udc00")]
    [InlineData("\"a\\ud800b\"", "\\ud800")]
    [InlineData("\"\\ud800\\ud800\\udc00\"", "\\ud800")]
    public void AStringWithALoneSurrogate_IsRefusedNamingTheAttributeAndTheEscape(string json, string escape)
    {
        Problems(Item($"\"fields\":{{\"note\":{json}}}")).Should().ContainSingle()
            .Which.Should().Contain("fields.note").And.Contain(escape).And.Contain("surrogate");
    }

    [Fact]
    public void APairedSurrogateEscape_IsAccepted()
    {
        Problems(Item("\"note\":\"\\ud83d\\ude00 and \\u00e9\"")).Should().BeEmpty();
    }

    private static string Item(string attributes) => $"{{\"pk\":\"RECORD#x\",\"sk\":\"RECORD\",{attributes}}}";

    private static long Size(string item) => StorableItem.Check(Encoding.UTF8.GetBytes(item), new List<string>());

    private static List<string> Problems(string item)
    {
        var problems = new List<string>();
        StorableItem.Check(Encoding.UTF8.GetBytes(item), problems);
        return problems;
    }

    /// <summary>The largest n for which the rule accepts <paramref name="item"/>(n).</summary>
    private static int LargestAccepted(Func<int, string> item)
    {
        var (low, high) = (1, 1);
        while (Problems(item(high)).Count == 0)
        {
            (low, high) = (high, high * 2);
        }

        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            (low, high) = Problems(item(middle)).Count == 0 ? (middle, high) : (low, middle);
        }

        return low;
    }

    /// <summary>Puts the item; null when DynamoDB Local accepts it, else its error message.</summary>
    private Task<string?> PutAsync(string table, string item) => PutAsync(table, ItemJson.ToItem(Encoding.UTF8.GetBytes(item)));

    private async Task<string?> PutAsync(string table, Dictionary<string, AttributeValue> item)
    {
        try
        {
            await aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
            return null;
        }
        catch (AmazonDynamoDBException ex)
        {
            return ex.Message;
        }
    }
}
