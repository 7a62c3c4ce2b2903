using Microsoft.CodeAnalysis;

namespace Pipeline.Infra.Tests.Generators;

public class PulumiPropertiesGeneratorTests
{
    private const string Usings = "using Pipeline.Infra.Model;\n";

    [Fact]
    public void APulumiObjectThatIsNotPartialIsAnErrorAndGetsNoProperties()
    {
        var run = GeneratorRun.Of(Usings + "public sealed record Topic : IPulumiObject { public string? Name { get; init; } }");

        run.Diagnostics.Should().ContainSingle();
        run.Diagnostics[0].Id.Should().Be("INFRAGEN001");
        run.Diagnostics[0].Severity.Should().Be(DiagnosticSeverity.Error);
        run.Diagnostics[0].GetMessage().Should().StartWith("'Topic' must be partial");
        run.Output.SyntaxTrees.Should().ContainSingle();
    }

    [Fact]
    public void ATypeThatContainsAPulumiObjectMustBePartialToo()
    {
        var run = GeneratorRun.Of(Usings + """
            public static class Blocks
            {
                public sealed partial record Filter : IPulumiObject { public string? Prefix { get; init; } }
            }
            """);

        run.Diagnostics.Select(diagnostic => diagnostic.GetMessage()).Should().Equal(
            "'Blocks' must be partial: the Properties() of the Pulumi object 'Blocks.Filter' are generated into it");
        run.Output.SyntaxTrees.Should().ContainSingle();
    }

    [Fact]
    public void InputsAreTheOwnSettablePropertiesInDeclarationOrderByTheirCamelCaseNames()
    {
        var run = GeneratorRun.Of(Usings + """
            public sealed partial record Queue : Resource
            {
                public Queue() : base("queue") { }
                public static int Instances { get; set; }
                public override ResourceType TypeToken => new("sqs", "Queue");
                public required string Name { get; init; }
                public bool IsFifo => Name.EndsWith(".fifo");
                private int Hidden { get; init; }
                public int? DelaySeconds { get; set; }
                public required int MessageRetentionSeconds { get; init; }
            }

            public static class Sample
            {
                public static IPulumiObject Create() => new Queue
                {
                    Name = "jobs",
                    MessageRetentionSeconds = 60,
                    Options = ResourceOptions.None with { RetainOnDelete = true },
                };
            }
            """);

        run.Diagnostics.Should().BeEmpty();
        run.SampleProperties().Should().Equal(
            new KeyValuePair<string, object?>("name", "jobs"),
            new KeyValuePair<string, object?>("delaySeconds", null),
            new KeyValuePair<string, object?>("messageRetentionSeconds", 60));
    }

    [Fact]
    public void WireNameNamesAnInputWhoseNameIsNotTheCamelCaseOfItsProperty()
    {
        var run = GeneratorRun.Of(Usings + """
            public sealed partial record Notification : IPulumiObject
            {
                public required string Bucket { get; init; }
                [WireName("eventbridge")]
                public required bool EventBridge { get; init; }
            }

            public static class Sample
            {
                public static IPulumiObject Create() => new Notification { Bucket = "ingest", EventBridge = true };
            }
            """);

        run.SampleProperties().Should().Equal(
            new KeyValuePair<string, object?>("bucket", "ingest"),
            new KeyValuePair<string, object?>("eventbridge", true));
    }

    [Fact]
    public void WireNameMakesAComputedPropertyAnInputInItsPlace()
    {
        var run = GeneratorRun.Of(Usings + """
            public sealed partial record Queue : IPulumiObject
            {
                public required string Name { get; init; }
                [WireName("fifoQueue")]
                public bool Fifo => Name.EndsWith(".fifo");
                public required int MessageRetentionSeconds { get; init; }
            }

            public static class Sample
            {
                public static IPulumiObject Create() => new Queue { Name = "jobs.fifo", MessageRetentionSeconds = 60 };
            }
            """);

        run.SampleProperties().Should().Equal(
            new KeyValuePair<string, object?>("name", "jobs.fifo"),
            new KeyValuePair<string, object?>("fifoQueue", true),
            new KeyValuePair<string, object?>("messageRetentionSeconds", 60));
    }
}
