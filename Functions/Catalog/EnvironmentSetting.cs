namespace Pipeline.Functions;

/// <summary>An environment variable a function reads; optional ones have a default.</summary>
public sealed record EnvironmentSetting(string Name, bool Required, string Description);
