namespace Pipeline.Functions.Tests.BadInput;

public sealed class BadInputTests
{
    public static TheoryData<string> CaseNames => new(BadInputCases.All.Select(c => c.Name));

    [Fact]
    public void Suite_ShouldCoverAtLeastThirtyKindsOfBadInput()
    {
        BadInputCases.All.Should().HaveCountGreaterThanOrEqualTo(30);
        BadInputCases.All.Select(c => c.Name).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BadInput_ShouldEndInAClearErrorOrAQuarantineEntryAndLoseNoRecord(string name)
    {
        var @case = BadInputCases.All.Single(c => c.Name == name);
        var pipeline = new InMemoryPipeline(chunkSize: 2);
        var key = $"incoming/{@case.Key}";

        if (@case.Error is { } expected)
        {
            var act = () => pipeline.RunAsync(@case.Content, key);

            var error = (await act.Should().ThrowAsync<InvalidInput>()).Which;
            error.File.Should().Be($"s3://{InMemoryPipeline.Bucket}/{key}");
            error.Line.Should().Be(expected.Line);
            error.BytePosition.Should().Be(expected.Byte);
            error.Problem.Should().Contain(expected.Problem);
            pipeline.S3.Keys(InMemoryPipeline.Bucket).Should().Equal([key], "a failed load leaves no staging objects");
            return;
        }

        var outcome = await pipeline.RunAsync(@case.Content, key);

        outcome.Load.RecordCount.Should().Be(@case.Total);
        outcome.Validation.TotalCount.Should().Be(@case.Total);
        (outcome.Validation.ValidCount + outcome.Validation.InvalidCount).Should().Be(outcome.Validation.TotalCount);
        outcome.Validation.ValidCount.Should().Be(@case.Valid);
        outcome.Transformed.Should().HaveCount(@case.Valid);
        outcome.Quarantine.Quarantined.Should().Be(outcome.Validation.InvalidCount);
        outcome.Quarantined.Should().HaveCount(@case.Reasons.Count);
        for (var i = 0; i < @case.Reasons.Count; i++)
        {
            outcome.ReasonsOf(i).Should().Contain(r => r.Contains(@case.Reasons[i], StringComparison.Ordinal));
            var entry = outcome.Quarantined[i];
            (entry.TryGetProperty("record", out _) || entry.TryGetProperty("raw", out _)).Should().BeTrue("the record itself is kept");
        }
    }
}
