namespace Pipeline.Infra.Tests.Support;

/// <summary>The dev and prod stacks as the repository's stack files configure them, synthesized once per test run.</summary>
public static class Stacks
{
    private static readonly Lazy<Stack> DevStack = new(() => Synthesize(StackDefaults.Dev));
    private static readonly Lazy<Stack> ProdStack = new(() => Synthesize(StackDefaults.Prod));

    public static Stack Dev => DevStack.Value;

    public static Stack Prod => ProdStack.Value;

    public static IEnumerable<object[]> Both => [[StackDefaults.Dev], [StackDefaults.Prod]];

    public static Stack Named(string name) => name == StackDefaults.Dev ? Dev : Prod;

    public static string ProgramJson(Stack stack) => PulumiJsonWriter.Write(ProgramBuilder.Build(stack));

    private static Stack Synthesize(string name) =>
        new StackSynthesizer(new StackFileConfigSource(RepositoryRoot.Path)).Synthesize(name, requireSecrets: false);
}
