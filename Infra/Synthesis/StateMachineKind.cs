namespace Pipeline.Infra.Synthesis;

public enum StateMachineKind
{
    Standard,
    Express,
}
