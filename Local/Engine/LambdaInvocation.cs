namespace Pipeline.Local.Engine;

/// <summary>One Lambda invocation made by a Task state: its function and its duration (real time plus virtual delays).</summary>
public sealed record LambdaInvocation(string FunctionName, TimeSpan Duration);
