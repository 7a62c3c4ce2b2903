namespace Pipeline.Infra.Policy;

/// <summary>One violation: which rule, which resource (logical name), and what is wrong.</summary>
public sealed record Finding(string RuleId, string Resource, string Message);
