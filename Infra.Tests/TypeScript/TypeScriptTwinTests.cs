namespace Pipeline.Infra.Tests.TypeScript;

public partial class TypeScriptTwinTests
{
    [Fact]
    public void DevAndProdProgramsTypeCheckAgainstTheRealProvider()
    {
        var result = TypeScriptCheck.Run(new Dictionary<string, string>
        {
            ["dev.ts"] = TypeScriptTwinWriter.Write(Stacks.Dev),
            ["prod.ts"] = TypeScriptTwinWriter.Write(Stacks.Prod),
        });

        result.Output.Should().BeEmpty();
        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public void TwinDeclaresEveryResourceOfTheProgramWithItsProviderClass()
    {
        var twin = TypeScriptTwinWriter.Write(Stacks.Prod);

        foreach (var resource in Stacks.Prod.Resources)
        {
            twin.Should().Contain($"const {resource.LogicalName} = new aws.{resource.TypeToken.Module}.{resource.TypeToken.Class}(\"{resource.LogicalName}\", {{");
        }
    }

    [Fact]
    public void MisspelledPropertyFailsTheTypeCheckWithTscsMessage()
    {
        var machine = Stacks.Dev.Get<SfnStateMachine>(Infra.Synthesis.LogicalNames.ExpressMachine);
        var misspelled = new MisspelledStateMachine(machine.LogicalName)
        {
            Name = machine.Name,
            Type = machine.Type,
            Definition = machine.Definition,
            RoleArn = machine.RoleArn,
            TracingConfig = machine.TracingConfiguration,
        };

        var result = TypeScriptCheck.Run(new Dictionary<string, string> { ["bite.ts"] = TypeScriptTwinWriter.WriteStandalone([misspelled]) });

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("'tracingConfig' does not exist in type 'StateMachineArgs'");
    }

    /// <summary>A state machine whose model misspells <c>tracingConfiguration</c>.</summary>
    private sealed partial record MisspelledStateMachine : Resource
    {
        public MisspelledStateMachine(string logicalName) : base(logicalName)
        {
        }

        public override ResourceType TypeToken => SfnStateMachine.Token;

        public required string Name { get; init; }

        public required string Type { get; init; }

        public required Input Definition { get; init; }

        public required Input RoleArn { get; init; }

        public required StateMachineTracingConfiguration TracingConfig { get; init; }
    }
}
