using System.Text.Json;

namespace Pipeline.Infra.Tests.Emit;

public class PulumiEscapingTests
{
    [Theory]
    [InlineData("$$.Map.Item.Value", "$$$$.Map.Item.Value")]
    [InlineData("$$.Execution.Name", "$$$$.Execution.Name")]
    [InlineData("${literal}", "$${literal}")]
    [InlineData("$.detail.object.key", "$.detail.object.key")]
    [InlineData("price: 5$", "price: 5$")]
    [InlineData("no dollars", "no dollars")]
    [InlineData("$${x}", "$$$${x}")]
    public void EscapeLiteral_WhenTextHasDollarSequences_ShouldWriteWhatPulumiReadsBack(string literal, string escaped)
    {
        PulumiEscaping.EscapeLiteral(literal).Should().Be(escaped);
        ReadAsPulumi(escaped).Should().Be(literal);
    }

    [Fact]
    public void AslContextPathsComeOutEscapedInTheProgram()
    {
        var program = JsonDocument.Parse(Stacks.ProgramJson(Stacks.Dev));
        var definition = program.RootElement.GetProperty("resources").GetProperty(LogicalNames.ExpressMachine)
            .GetProperty("properties").GetProperty("definition").GetString()!;

        definition.Should().Contain("\"chunkKey.$\": \"$$$$.Map.Item.Value\"");
        definition.Should().Contain("\"FunctionName\": \"${transformFunction.arn}\"");
        definition.Should().Contain("\"bucket.$\": \"$.detail.bucket.name\"");
        ReadAsPulumi(definition).Should().Contain("\"chunkKey.$\": \"$$.Map.Item.Value\"");
    }

    [Fact]
    public void ReferencesInsideLiteralsAreNotInterpolated()
    {
        var input = Input.Of($"{new Reference("ingestBucket", "arn")}/${{not.a.reference}}");

        PulumiText.Render(input).Should().Be("${ingestBucket.arn}/$${not.a.reference}");
    }

    [Fact]
    public void EveryResourceAndInvokePinsTheProviderVersion()
    {
        var program = JsonDocument.Parse(Stacks.ProgramJson(Stacks.Prod)).RootElement;

        foreach (var resource in program.GetProperty("resources").EnumerateObject())
        {
            resource.Value.GetProperty("options").GetProperty("version").GetString().Should().Be("7.48.0", resource.Name);
        }

        foreach (var variable in program.GetProperty("variables").EnumerateObject())
        {
            variable.Value.GetProperty("fn::invoke").GetProperty("options").GetProperty("version").GetString().Should().Be("7.48.0");
        }
    }

    [Fact]
    public void PoliciesAreEmittedAsJsonWithExactArnInterpolations()
    {
        var program = JsonDocument.Parse(Stacks.ProgramJson(Stacks.Dev)).RootElement;
        var policy = program.GetProperty("resources").GetProperty(LogicalNames.RolePolicy(LogicalNames.Function("Store")))
            .GetProperty("properties").GetProperty("policy").GetProperty("fn::toJSON");

        policy.GetProperty("Version").GetString().Should().Be("2012-10-17");
        policy.GetProperty("Statement").EnumerateArray()
            .Single(statement => statement.GetProperty("Sid").GetString() == "UseRecordsTable")
            .GetProperty("Resource").EnumerateArray().Select(resource => resource.GetString())
            .Should().Equal("${recordsTable.arn}");
    }

    [Fact]
    public void SecretConfigIsDeclaredAndOnlyReferenced()
    {
        var program = JsonDocument.Parse(Stacks.ProgramJson(Stacks.Prod)).RootElement;

        var declaration = program.GetProperty("config").GetProperty("notificationEmail");
        declaration.GetProperty("secret").GetBoolean().Should().BeTrue();
        declaration.TryGetProperty("default", out _).Should().BeFalse();
        program.GetProperty("resources").GetProperty(LogicalNames.EmailSubscription).GetProperty("properties")
            .GetProperty("endpoint").GetString().Should().Be("${notificationEmail}");
    }

    [Fact]
    public void StackOutputsNameTheBucketTableTopicMachinesAndUploadPrefix()
    {
        var outputs = JsonDocument.Parse(Stacks.ProgramJson(Stacks.Dev)).RootElement.GetProperty("outputs");

        outputs.EnumerateObject().ToDictionary(output => output.Name, output => output.Value.GetString()).Should().BeEquivalentTo(
            new Dictionary<string, string?>
            {
                ["ingestBucketName"] = "${ingestBucket.bucket}",
                ["uploadPrefix"] = "incoming/",
                ["tableName"] = "${recordsTable.name}",
                ["notificationTopicArn"] = "${notificationTopic.arn}",
                ["standardStateMachineArn"] = "${standardStateMachine.arn}",
                ["expressStateMachineArn"] = "${expressStateMachine.arn}",
            });
    }

    [Fact]
    public void YamlAndJsonFormatsHoldTheSameProgram()
    {
        var program = ProgramBuilder.Build(Stacks.Prod);
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(PulumiYamlWriter.Write(program));
        var yamlAsJson = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(yaml);

        JsonDocument.Parse(yamlAsJson).RootElement.GetProperty("resources").GetProperty(LogicalNames.ExpressMachine)
            .GetProperty("properties").GetProperty("definition").GetString()
            .Should().Be(PulumiText.Render(Stacks.Prod.Get<SfnStateMachine>(LogicalNames.ExpressMachine).Definition));
        PulumiYamlWriter.Write(program).Should().Contain("deletionProtectionEnabled: true").And.Contain("- '*'");
    }

    [Fact]
    public void ProgramHasNoDependencyCycle()
    {
        var ordered = DependencyOrder.Sort(Stacks.Prod.Resources);

        ordered.Should().HaveCount(Stacks.Prod.Resources.Count);
        ordered.Select(resource => resource.LogicalName).ToList().IndexOf(LogicalNames.IngestBucket)
            .Should().BeLessThan(ordered.Select(resource => resource.LogicalName).ToList().IndexOf(LogicalNames.LogBucket + "Policy"));
    }

    /// <summary>Pulumi YAML's reading of a string that holds no expression: <c>$$</c> is <c>$</c>.</summary>
    private static string ReadAsPulumi(string text)
    {
        var builder = new System.Text.StringBuilder();
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '$' && index + 1 < text.Length && text[index + 1] == '$')
            {
                builder.Append('$');
                index++;
            }
            else
            {
                builder.Append(text[index]);
            }
        }

        return builder.ToString();
    }
}
