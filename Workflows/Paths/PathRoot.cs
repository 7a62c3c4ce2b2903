namespace Pipeline.Workflows.Paths;

/// <summary>What a path reads from.</summary>
public enum PathRoot
{
    /// <summary><c>$</c>: the state's input (or, in a ResultSelector or Assign, its result).</summary>
    Input,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable.</summary>
    Variable,

    /// <summary><c>@</c>: the candidate a filter tests.</summary>
    Current,
}
