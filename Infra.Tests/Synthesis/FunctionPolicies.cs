using Pipeline.Functions.Catalog;
using Pipeline.Functions.Contracts;
using Pipeline.Functions.Packaging;

namespace Pipeline.Infra.Tests.Synthesis;

public class FunctionPolicies
{
    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryHandlerRunsItsBootstrapOnAmazonLinux2023Arm64WithJsonLogsAndActiveTracing(string stackName)
    {
        var stack = Stacks.Named(stackName);
        var functions = stack.All<LambdaFunction>().ToList();

        functions.Select(function => function.LogicalName)
            .Should().BeEquivalentTo(HandlerCatalog.All.Select(function => LogicalNames.Function(function.Id)));
        functions.Should().AllSatisfy(function =>
        {
            function.Runtime.Should().Be("provided.al2023", function.LogicalName);
            function.Architectures.Should().Equal(["arm64"], function.LogicalName);
            function.LoggingConfig.LogFormat.Should().Be("JSON", function.LogicalName);
            function.TracingConfig.Mode.Should().Be("Active", function.LogicalName);
            function.MemorySize.Should().Be(stack.Settings.LambdaMemoryMb, function.LogicalName);
            function.Timeout.Should().Be(stack.Settings.LambdaTimeoutSeconds, function.LogicalName);
        });
    }

    [Fact]
    public void MemoryAndTimeoutFollowTheStack()
    {
        Stacks.Dev.All<LambdaFunction>().First().MemorySize.Should().Be(512);
        Stacks.Prod.All<LambdaFunction>().First().MemorySize.Should().Be(1024);
        Stacks.Prod.All<LambdaFunction>().First().Timeout.Should().BeGreaterThan(Stacks.Dev.All<LambdaFunction>().First().Timeout);
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void CodeIsTheBuiltZipOfTheFunctionsArchitecture_NotAFolderPulumiWouldZipWithoutModes(string stackName)
    {
        var program = ProgramBuilder.Build(Stacks.Named(stackName));
        foreach (var function in Stacks.Named(stackName).All<LambdaFunction>())
        {
            var properties = (ObjectNode)((ObjectNode)((ObjectNode)program["resources"]!)[function.LogicalName]!)["properties"]!;
            var architecture = function.Architectures.Should().ContainSingle().Subject;

            properties["code"].Should().Be(
                new FunctionNode(FunctionNode.FileArchive, new StringNode(new Literal("./Functions/bin/lambda/arm64/function.zip"))),
                $"{function.LogicalName} deploys the {architecture} package");
            FunctionPackage.ArchivePath(architecture).Should().Be("Functions/bin/lambda/arm64/function.zip");
        }
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryFunctionHasItsOwnRoleAndLogGroup(string stackName)
    {
        var stack = Stacks.Named(stackName);
        foreach (var function in stack.All<LambdaFunction>())
        {
            function.Role.Should().Be(stack[LogicalNames.Role(function.LogicalName)].ArnOutput);
            var logGroup = stack.Get<CloudWatchLogGroup>(LogicalNames.LogGroup(function.LogicalName));
            function.LoggingConfig.LogGroup.Should().Be(logGroup.Output("name"));
            logGroup.RetentionInDays.Should().Be(stack.Settings.LogRetentionDays);
        }

        stack.All<LambdaFunction>().Select(function => function.Role).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void OnlyTheStoreRoleMayWriteTheTable()
    {
        var stack = Stacks.Prod;
        var tableArn = stack[LogicalNames.Table].ArnOutput;

        var writers = HandlerCatalog.All
            .Where(function => PolicyInspection.RolePolicy(stack, LogicalNames.Role(LogicalNames.Function(function.Id))).Statements
                .Any(statement => statement.Resources.Contains(tableArn) && statement.Actions.Any(action => action.StartsWith("dynamodb:", StringComparison.Ordinal))))
            .Select(function => function.Id);

        writers.Should().Equal("Store");
        stack.Get<LambdaFunction>(LogicalNames.Function("Store")).Environment!.Variables[EnvironmentVariables.TableName]
            .Should().Be(stack[LogicalNames.Table].Output("name"));
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryHandlerGetsTheRequiredSettingsOfTheCatalog_AndLoadBatchTheStacksChunkSizeAndSizeBound(string stackName)
    {
        var stack = Stacks.Named(stackName);
        foreach (var definition in HandlerCatalog.All)
        {
            var function = stack.Get<LambdaFunction>(LogicalNames.Function(definition.Id));
            function.Handler.Should().Be(definition.Handler);
            // The required settings, and the optional ones the stack decides (LoadBatch's chunk size and size bound).
            function.Environment!.Variables.Keys.Should().BeEquivalentTo(definition.Environment
                .Where(setting => setting.Required || setting.Name is EnvironmentVariables.ChunkSize or EnvironmentVariables.MaxObjectBytes)
                .Select(setting => setting.Name));
            function.Environment.Variables[EnvironmentVariables.BucketName].Should().Be(stack[LogicalNames.IngestBucket].Output("bucket"));
        }

        var load = stack.Get<LambdaFunction>(LogicalNames.Function(FunctionIds.LoadBatch)).Environment!.Variables;
        load[EnvironmentVariables.ChunkSize].Should().Be(new Literal(stack.Settings.ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        load[EnvironmentVariables.MaxObjectBytes].Should().Be(new Literal(stack.Settings.LoadMaxObjectBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(Stacks.Both), MemberType = typeof(Stacks))]
    public void EveryRoleGrantsExactlyTheCatalogsAccess(string stackName)
    {
        var stack = Stacks.Named(stackName);
        foreach (var definition in HandlerCatalog.All)
        {
            var granted = PolicyInspection.RolePolicy(stack, LogicalNames.Role(LogicalNames.Function(definition.Id))).Statements
                .Where(statement => statement.Sid.StartsWith("Objects", StringComparison.Ordinal) || statement.Sid == "UseRecordsTable")
                .SelectMany(statement => statement.Resources.SelectMany(resource => statement.Actions.Select(action => $"{action} {PolicyInspection.Text(resource)}")));
            var declared = definition.Access.SelectMany(access => access.Actions.Select(action => access.Target == AccessTarget.RecordsTable
                ? $"{action} ${{recordsTable.arn}}"
                : $"{action} ${{ingestBucket.arn}}/{access.Prefix}*"));

            granted.Should().BeEquivalentTo(declared.Distinct(), definition.Id);
        }
    }

    [Fact]
    public void LoadBatchReadsOnlyUploadsAndWritesOnlyWorkObjects()
    {
        var statements = PolicyInspection.RolePolicy(Stacks.Dev, LogicalNames.Role(LogicalNames.Function("LoadBatch"))).Statements;

        statements.Single(statement => statement.Sid == "ObjectsGetObject").Resources.Select(PolicyInspection.Text)
            .Should().Equal("${ingestBucket.arn}/incoming/*");
        statements.Single(statement => statement.Sid == "ObjectsPutObject").Resources.Select(PolicyInspection.Text)
            .Should().Equal("${ingestBucket.arn}/staging/*");
        statements.Should().NotContain(statement => statement.Actions.Any(action => action.StartsWith("s3:Delete", StringComparison.Ordinal)));
    }
}
