namespace Pipeline.Infra.Model;

/// <summary>
/// A value of the emitted program (JSON-like, plus Pulumi built-in functions). Resources are lowered
/// to nodes once, and every writer (Pulumi JSON/YAML, the TypeScript twin, the diff) reads nodes.
/// </summary>
public abstract record Node;
