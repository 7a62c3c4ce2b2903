namespace Pipeline.Functions.Tests.Contracts;

public sealed class PayloadFieldsTests
{
    [Fact]
    public void Name_ShouldGiveTheCamelCaseJsonNameOfAMember()
    {
        PayloadFields.Name(PayloadJsonContext.Default.ValidateRequest, nameof(ValidateRequest.ListValidChunkKeys)).Should().Be("listValidChunkKeys");
    }

    [Fact]
    public void Name_ShouldGiveTheJsonNameAPropertyAttributeKeeps()
    {
        PayloadFields.Name(PayloadJsonContext.Default.LoadBatchResult, nameof(LoadBatchResult.StagingPrefix)).Should().Be("workPrefix");
        PayloadFields.Name(PayloadJsonContext.Default.ValidateRequest, nameof(ValidateRequest.StagingPrefix)).Should().Be("workPrefix");
        PayloadFields.Name(PayloadJsonContext.Default.TransformRequest, nameof(TransformRequest.StagingPrefix)).Should().Be("workPrefix");
    }

    [Fact]
    public void Name_WhenTheTypeHasNoSuchMember_ShouldFailListingItsFields()
    {
        var act = () => PayloadFields.Name(PayloadJsonContext.Default.StoreRequest, nameof(TransformRequest.ChunkKey));

        act.Should().Throw<ArgumentException>().WithMessage("StoreRequest has no field ChunkKey; it has source, transformedKey*");
    }
}
