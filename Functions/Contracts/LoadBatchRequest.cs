namespace Pipeline.Functions;

public sealed record LoadBatchRequest(string Bucket, string Key, string ExecutionName);
