namespace Pipeline.Infra.Iam;

public enum PolicyEffect
{
    Allow,
    Deny,
}
