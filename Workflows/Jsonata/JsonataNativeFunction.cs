namespace Pipeline.Workflows.Jsonata;

/// <summary>A function added to an expression's library, called with its arguments once the signature accepts them.</summary>
public delegate JsonataResult JsonataNativeFunction(IReadOnlyList<JsonataResult> arguments);
