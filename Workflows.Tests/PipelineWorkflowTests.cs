namespace Pipeline.Workflows.Tests;

public class PipelineWorkflowTests
{
    private static readonly StateMachineDefinition Definition = PipelineWorkflow.Create();

    private static List<State> AllStates(StateMachineDefinition definition)
    {
        IEnumerable<State> Walk(StateGraph graph) =>
            graph.States.SelectMany(state => new[] { state }.Concat(state.NestedGraphs().SelectMany(nested => Walk(nested.Graph))));
        return [.. Walk(definition.Graph)];
    }

    private static List<TaskState> LambdaTasks(StateMachineDefinition definition) =>
        [.. AllStates(definition).OfType<TaskState>().Where(task => task.Resource == IntegrationArns.LambdaInvoke)];

    private static string FunctionOf(TaskState task) =>
        ((PayloadResource)task.Parameters!["FunctionName"]!).Reference.Id;

    private static IEnumerable<string> FieldNames(PayloadValue? value) =>
        ((PayloadObject)value!).Fields.Select(field => field.Name);

    [Fact]
    public void Definition_ShouldBeValidForEachVariant_AndTheStandardOneNotForExpress()
    {
        WorkflowValidator.Validate(Definition, WorkflowVariant.Standard).Should().BeEmpty();
        WorkflowValidator.Validate(PipelineWorkflow.Create(variant: WorkflowVariant.Express), WorkflowVariant.Express).Should().BeEmpty();
        WorkflowValidator.Validate(Definition, WorkflowVariant.Express).Select(error => error.ToString())
            .Should().Equal("ProcessChunks: Express workflows cannot run a distributed Map");
    }

    [Fact]
    public void EveryLambdaTaskMustRetryLambdaTransientErrorsWithBackoffAndFullJitter()
    {
        var tasks = LambdaTasks(Definition);

        tasks.Select(task => task.Name).Should().BeEquivalentTo(
            "LoadBatch", "Validate", "Transform", "Store", "QuarantineAndAccount");
        foreach (var task in tasks)
        {
            var retrier = task.Retry.Should().ContainSingle().Subject;
            retrier.ErrorEquals.Should().BeEquivalentTo(
                "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
            retrier.BackoffRate.Should().BeGreaterThan(1, task.Name);
            retrier.JitterStrategy.Should().Be(JitterStrategy.Full, task.Name);
            retrier.MaxDelaySeconds.Should().NotBeNull(task.Name);
        }
    }

    [Fact]
    public void InvalidInputMustNeverBeRetried()
    {
        AllStates(Definition).OfType<RecoverableState>().SelectMany(state => state.Retry)
            .Should().NotContain(retrier => retrier.ErrorEquals.Contains("InvalidInput") || retrier.ErrorEquals.Contains(ErrorNames.All));
    }

    [Theory]
    [InlineData(WorkflowVariant.Express, "HandOverToStandard", "LoadBatch", "Validate", "ProcessChunks", "QuarantineAndAccount", "NotifySuccess", "NotifyPartialSuccess")]
    [InlineData(WorkflowVariant.Standard, "LoadBatch", "Validate", "QuarantineAndAccount", "NotifySuccess", "NotifyPartialSuccess")]
    public void EveryTopLevelTaskAndTheExpressMapMustCatchAllErrorsIntoTheFailureNotification(WorkflowVariant variant, params string[] expected)
    {
        var definition = PipelineWorkflow.Create(variant: variant);
        var guarded = definition.States.OfType<RecoverableState>().Where(state => state.Catch.Any(c => c.Next == "NotifyFailure")).ToList();

        guarded.Select(state => state.Name).Should().BeEquivalentTo(expected);
        foreach (var state in guarded.Where(state => state.Name != "HandOverToStandard"))
        {
            var catcher = state.Catch.Should().ContainSingle().Subject;
            catcher.ErrorEquals.Should().Equal(ErrorNames.All);
            catcher.ResultPath!.Path.Should().Be("$.error");
            catcher.Next.Should().Be("NotifyFailure");
        }

        var notifyFailure = definition.Graph.Find("NotifyFailure").Should().BeOfType<TaskState>().Subject;
        notifyFailure.Resource.Should().Be("arn:aws:states:::sns:publish");
        notifyFailure.Next.Should().Be("PipelineFailed");
        var message = ((PayloadExpression)notifyFailure.Parameters!["Message"]!).Expression;
        message.Should().Contain("$.error.Error").And.Contain("$.error.Cause").And.Contain("$$.Execution.Input");
        definition.Graph.Find("PipelineFailed").Should().BeOfType<FailState>();
    }

    [Fact]
    public void TheStandardMapRun_IsNotCaught_SoARedriveContinuesAtProcessChunks()
    {
        var processChunks = Definition.Graph.Find("ProcessChunks").Should().BeOfType<MapState>().Subject;

        processChunks.Catch.Should().BeEmpty("a caught failure would end in PipelineFailed, and a redrive would only run that Fail state again");
        processChunks.Retry.Should().BeEmpty("a retried Map starts a new Map Run of every chunk; a redrive runs only the failed ones");
    }

    [Fact]
    public void Flow_ShouldLoadValidateStoreTheValidChunksThenAccountForEveryRecordAndNotify()
    {
        var graph = Definition.Graph;

        Definition.StartAt.Should().Be("LoadBatch");
        ((TaskState)graph.Find("LoadBatch")!).Next.Should().Be("Validate");
        ((TaskState)graph.Find("Validate")!).Next.Should().Be("AnyValidRecords");
        var choice = graph.Find("AnyValidRecords").Should().BeOfType<ChoiceState>().Subject;
        choice.Choices.Should().ContainSingle().Which.Should().Be(
            new ChoiceRule(Condition.NumericGreaterThan("$.validation.validCount", 0), "ProcessChunks") { Branch = choice.Choices[0].Branch });
        choice.Default.Should().Be("NoValidRecords");

        var map = graph.Find("ProcessChunks").Should().BeOfType<MapState>().Subject;
        map.ProcessorMode.Should().Be(MapProcessorMode.DistributedExpress, "each chunk is a child execution: the parent's history stays small");
        map.ItemsPath.Should().BeNull();
        map.ItemReader!.InputType.Should().Be(MapItemReader.JsonLines);
        map.ItemReader.Parameters["Bucket"].Should().Be(new PayloadResource(ResourceRef.Bucket(PipelineWorkflow.IngestBucketId)));
        map.ItemReader.Parameters["Key"].Should().Be(Payload.Path("$.validation.validChunkListKey"));
        map.ItemSelector!["chunkKey"].Should().Be(Payload.Path("$$.Map.Item.Value.chunkKey"));
        map.ItemSelector!["ingestedAt"].Should().Be(Payload.Path("$$.Execution.StartTime"));
        map.ResultWriter!.Parameters["Prefix"].Should().Be(new PayloadText("staging/chunk-results"));
        map.ItemProcessor!.States.Select(state => state.Name).Should().Equal("Transform", "Store");
        map.ResultPath!.Path.Should().Be("$.chunkResults");
        map.Next.Should().Be("QuarantineAndAccount");
        var none = graph.Find("NoValidRecords").Should().BeOfType<PassState>().Subject;
        (none.ResultPath!.Path, none.Next).Should().Be(("$.chunkResults", "QuarantineAndAccount"), "with no valid record no chunk was stored");

        var account = graph.Find("QuarantineAndAccount").Should().BeOfType<TaskState>().Subject;
        account.Parameters!["Payload"].Should().BeOfType<PayloadObject>().Which["chunkResultsKey"].Should().Be(Payload.Path("$.chunkResults.key"));
        account.Next.Should().Be("AnyRecordsRefused");
        var refused = graph.Find("AnyRecordsRefused").Should().BeOfType<ChoiceState>().Subject;
        refused.Choices.Should().ContainSingle().Which.Next.Should().Be("NotifyPartialSuccess");
        refused.Default.Should().Be("NotifySuccess");

        foreach (var (name, subject) in new[] { ("NotifySuccess", "Pipeline run succeeded"), ("NotifyPartialSuccess", "Pipeline run partially succeeded") })
        {
            var notify = graph.Find(name).Should().BeOfType<TaskState>().Subject;
            notify.Resource.Should().Be("arn:aws:states:::sns:publish");
            notify.Parameters!["TopicArn"].Should().Be(new PayloadResource(ResourceRef.Topic("NotificationTopic")));
            notify.Parameters!["Subject"].Should().Be(new PayloadText(subject));
            ((PayloadExpression)notify.Parameters!["Message"]!).Expression.Should().Contain("$.outcome.stored").And.Contain("$.outcome.rejected");
            notify.Next.Should().Be("PipelineSucceeded");
        }

        graph.Find("PipelineSucceeded").Should().BeOfType<SucceedState>();
    }

    [Fact]
    public void ExpressVariant_ShouldStoreTheChunksWithAnInlineMapOverTheKeysValidateLists()
    {
        var graph = PipelineWorkflow.Create(variant: WorkflowVariant.Express).Graph;

        var validate = graph.Find("Validate").Should().BeOfType<TaskState>().Subject;
        ((PayloadObject)validate.Parameters!["Payload"]!)["listValidChunkKeys"].Should().Be(new PayloadBoolean(true));
        var map = graph.Find("ProcessChunks").Should().BeOfType<MapState>().Subject;
        map.ProcessorMode.Should().Be(MapProcessorMode.Inline);
        map.ItemsPath.Should().Be("$.validation.validChunkKeys");
        map.ItemSelector!["chunkKey"].Should().Be(Payload.Path("$$.Map.Item.Value"));
        map.ResultPath!.Path.Should().Be("$.chunks");
        ((PassState)graph.Find("NoValidRecords")!).ResultPath!.Path.Should().Be("$.chunks");
        ((PayloadObject)((TaskState)graph.Find("QuarantineAndAccount")!).Parameters!["Payload"]!)["chunks"].Should().Be(Payload.Path("$.chunks"));
    }

    [Fact]
    public void MaxConcurrency_ShouldComeFromOptions()
    {
        var definition = PipelineWorkflow.Create(new PipelineWorkflowOptions(MaxConcurrency: 3));

        AllStates(definition).OfType<MapState>().Should().ContainSingle().Which.MaxConcurrency.Should().Be(3);
    }

    [Theory]
    [InlineData("LoadBatch", new[] { "bucket", "key", "executionName" }, new[] { "source", "recordCount", "chunkCount", "workPrefix" })]
    [InlineData("Validate", new[] { "source", "workPrefix", "listValidChunkKeys" },
        new[] { "totalCount", "validCount", "invalidCount", "validChunkCount", "validChunkListKey", "validChunkKeys", "invalidKey" })]
    [InlineData("Transform", new[] { "source", "chunkKey", "workPrefix", "ingestedAt" }, new[] { "transformedKey", "count" })]
    [InlineData("Store", new[] { "source", "transformedKey" }, new[] { "stored", "duplicate", "rejected", "count" })]
    [InlineData("QuarantineAndAccount", new[] { "source", "invalidKey", "validCount", "invalidCount", "chunkResultsKey" },
        new[] { "quarantined", "quarantineKey", "stored", "rejected", "alreadyStored", "chunkCount" })]
    public void LambdaPayloads_ShouldFollowTheHandlerContracts(string state, string[] input, string[] output)
    {
        var task = LambdaTasks(Definition).Single(task => task.Name == state);

        FieldNames(task.Parameters!["Payload"]).Should().Equal(input);
        FieldNames(task.ResultSelector).Should().Equal(output);
        foreach (var field in output)
            task.ResultSelector![field].Should().Be(Payload.Path($"$.Payload.{field}"));
    }

    [Fact]
    public void QuarantineTasks_ShouldInvokeTheQuarantineFunction()
    {
        LambdaTasks(Definition).Where(task => task.Name.StartsWith("Quarantine", StringComparison.Ordinal)).Select(FunctionOf)
            .Should().Equal("Quarantine");
    }

    [Fact]
    public void PayloadsMustCarryKeysNeverRecords()
    {
        // Paths select named fields (keys, counts, the source's location); none passes a whole result or records along.
        var paths = AllStates(Definition).SelectMany(state => state switch
        {
            TaskState task => new[] { task.Parameters, task.ResultSelector },
            MapState map => [map.ItemSelector, map.ResultSelector],
            ParallelState parallel => [parallel.Parameters, parallel.ResultSelector],
            _ => [],
        }).SelectMany(Expressions).Where(expression => expression.StartsWith('$')).ToList();

        paths.Should().HaveCountGreaterThan(30);
        paths.Should().NotContain(["$", "$.Payload"]);
        paths.Should().NotContain(path => path.Contains("records", StringComparison.OrdinalIgnoreCase));
        AllStates(Definition).OfType<MapState>().Single().ItemReader!.Parameters["Key"].Should().Be(Payload.Path("$.validation.validChunkListKey"),
            "the Standard machine's Map reads the chunk keys from S3: no list of them travels in its state");
    }

    [Fact]
    public void ResourceReferences_ShouldListFunctionsTopicsAndIntegrations()
    {
        var references = Definition.GetResourceReferences();

        references.FunctionIds.Should().Equal("LoadBatch", "Quarantine", "Store", "Transform", "Validate");
        references.TopicIds.Should().Equal("NotificationTopic");
        references.IntegrationArns.Should().Equal("arn:aws:states:::lambda:invoke", "arn:aws:states:::sns:publish");
    }

    [Fact]
    public void WorkflowsAssembly_MayReferenceTheFunctionsContractButNeverInfraOrLocal()
    {
        typeof(PipelineWorkflow).Assembly.GetReferencedAssemblies().Select(assembly => assembly.Name)
            .Should().NotContain(["Infra", "Local"]);
    }

    private static IEnumerable<string> Expressions(PayloadObject? template) =>
        template is null
            ? []
            : template.Fields.SelectMany(field => field.Value switch
            {
                PayloadExpression expression => [expression.Expression],
                PayloadObject nested => Expressions(nested),
                _ => [],
            });
}
