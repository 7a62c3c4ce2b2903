namespace Pipeline.Infra.Generators;

/// <summary>What a partial declaration of a type repeats: its kind (<c>record</c>, <c>class</c>, ...) and its name with type parameters.</summary>
internal sealed record TypeHeader(string Keyword, string Name);
