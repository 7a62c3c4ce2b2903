using Xunit.Abstractions;
using static Pipeline.Infra.Tests.Policy.EvaluatorScenarios;

namespace Pipeline.Infra.Tests.Policy;

/// <summary>
/// A second opinion on the synthesized policies from an IAM evaluator that shares no code with the program's simulator
/// (<c>@cloud-copilot/iam-simulate</c>, run by <c>tools/iam-check/evaluate.mjs</c>): for dev and prod, every call of
/// the deployed pipeline is allowed, and the same calls from another account or across the stacks, and actions
/// nobody was granted, are denied.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IndependentEvaluatorTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void TheIndependentEvaluatorAllowsEveryCallOfThePipeline_AndDeniesOtherAccountsOtherStacksAndUnusedActions(string stackName)
    {
        var stack = DeployedPolicies.Named(stackName);
        var scenarios = EvaluatorScenarios.For(stack, Sibling(stackName), AccessPaths.For(stack.Context));

        var verdicts = IamEvaluator.Evaluate(scenarios);

        foreach (var category in Categories)
        {
            output.WriteLine($"{stackName} {category}: {scenarios.Count(scenario => scenario.Category == category)}");
        }

        scenarios.Count(scenario => scenario.Category == Allowed).Should().BeGreaterThan(50, "every call of the pipeline is a scenario");
        foreach (var category in Categories.Skip(1))
        {
            scenarios.Count(scenario => scenario.Category == category).Should().BeGreaterThan(20, $"the denials of {category} are scenarios");
        }

        var disagreements = Disagreements(scenarios, verdicts);
        if (disagreements.Count > 0)
        {
            Assert.Fail($"The independent evaluator disagrees on {disagreements.Count} of the {scenarios.Count} scenarios of {stackName}:\n{string.Join("\n", disagreements)}");
        }
    }

    public static TheoryData<string> Mutations => [.. MutatedStacks.Keys];

    /// <summary>
    /// Proof the comparison bites: each mutation of dev's policies, judged against the calls of the unmutated dev
    /// stack, makes the evaluator disagree on exactly the scenarios it should, and on no other.
    /// </summary>
    [Theory]
    [MemberData(nameof(Mutations))]
    public void AMutatedPolicyMakesTheEvaluatorDisagreeOnExactlyTheScenariosItBreaks(string mutation)
    {
        var (mutate, breaks) = MutatedStacks[mutation];
        var original = DeployedPolicies.Named("dev");
        var mutated = new DeployedPolicies(new PolicyContext(mutate(original.Context.Stack), RepositoryRoot.Path), Sibling("dev").Context);
        var scenarios = EvaluatorScenarios.For(mutated, Sibling("dev"), AccessPaths.For(original.Context));

        var verdicts = IamEvaluator.Evaluate(scenarios);

        var disagreeing = scenarios.Zip(verdicts).Where(pair => Disagreement(pair.First, pair.Second) is not null).ToList();
        foreach (var (scenario, verdict) in disagreeing)
        {
            output.WriteLine(Disagreement(scenario, verdict));
        }

        var names = disagreeing.Select(pair => pair.First.Name).ToList();
        names.Should().NotBeEmpty();
        names.Should().BeEquivalentTo(scenarios.Where(breaks).Select(scenario => scenario.Name), "the evaluator disagrees on every scenario the mutation breaks, and on no other");
    }

    private static readonly IReadOnlyDictionary<string, (Func<Stack, Stack> Mutate, Func<IamScenario, bool> Breaks)> MutatedStacks =
        new Dictionary<string, (Func<Stack, Stack>, Func<IamScenario, bool>)>(StringComparer.Ordinal)
        {
            ["Store loses dynamodb:BatchWriteItem"] = (
                stack => stack.Replace<IamRolePolicy>(PolicyStacks.FunctionPolicy(Functions.Contracts.FunctionIds.Store), policy => policy with
                {
                    Policy = new PolicyDocument([.. policy.Policy.Statements.Select(statement => statement.Sid == "UseRecordsTable"
                        ? statement with { Actions = [.. statement.Actions.Where(action => action != "dynamodb:BatchWriteItem")] }
                        : statement)]),
                }),
                scenario => scenario.Category == Allowed && scenario.Action == "dynamodb:BatchWriteItem"),
            ["CloudWatch Logs may use the key for any log group"] = (
                stack => stack.Replace<KmsKey>(LogicalNames.Key, key => key with
                {
                    Policy = new PolicyDocument([.. key.Policy.Statements.Select(statement => statement.Sid == "CloudWatchLogsEncryptsPipelineLogGroups"
                        ? statement with { Conditions = [] }
                        : statement)]),
                }),
                scenario => scenario.Category is OtherAccount or OtherStack && scenario.Principal.StartsWith("logs.", StringComparison.Ordinal)),
            ["EventBridge may assume its role for any rule of the account"] = (
                stack => stack.Replace<IamRole>(LogicalNames.EventsRole, role => role with
                {
                    AssumeRolePolicy = new PolicyDocument([.. role.AssumeRolePolicy.Statements.Select(statement => statement with
                    {
                        Conditions = [.. statement.Conditions.Where(condition => condition.Key != "aws:SourceArn")],
                    })]),
                }),
                scenario => scenario.Category == OtherStack && scenario.Action == "sts:AssumeRole" && scenario.Principal == "events.amazonaws.com"),
        };

    private static DeployedPolicies Sibling(string stackName) => DeployedPolicies.Named(stackName == "dev" ? "prod" : "dev");

    private static IReadOnlyList<string> Disagreements(IReadOnlyList<IamScenario> scenarios, IReadOnlyList<IamVerdict> verdicts) =>
        [.. scenarios.Zip(verdicts).Select(pair => Disagreement(pair.First, pair.Second)).OfType<string>()];

    /// <summary>
    /// Why the evaluator's verdict does not confirm the scenario, or null when it does. A context key the evaluator
    /// ignored fails the scenario whatever the result: an Allow conditioned on it could not match, a Deny not apply.
    /// </summary>
    private static string? Disagreement(IamScenario scenario, IamVerdict verdict) =>
        verdict.Errors is not null ? $"{scenario.Name}: the evaluator cannot evaluate it: {verdict.Errors}"
        : verdict.IgnoredContextKeys.Count > 0 ? $"{scenario.Name}: the evaluator ignored {string.Join(", ", verdict.IgnoredContextKeys)} (and answered {verdict.Result})"
        : (scenario.ExpectAllowed ? verdict.Allowed : verdict.Denied) ? null
        : $"{scenario.Name}: expected {scenario.Expect}, the evaluator answered {verdict.Result}";
}
