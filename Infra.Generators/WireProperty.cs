namespace Pipeline.Infra.Generators;

/// <summary>One Pulumi input of a type: its name in the program and the C# property that holds its value.</summary>
internal sealed record WireProperty(string WireName, string MemberName);
