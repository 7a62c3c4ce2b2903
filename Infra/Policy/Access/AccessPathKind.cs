namespace Pipeline.Infra.Policy.Access;

public enum AccessPathKind
{
    /// <summary>A role of the stack calls the action.</summary>
    Role,

    /// <summary>A service principal calls the action on its own behalf (resource policies decide).</summary>
    Service,

    /// <summary>A service principal assumes a role of the stack (its trust policy decides).</summary>
    AssumeRole,
}
