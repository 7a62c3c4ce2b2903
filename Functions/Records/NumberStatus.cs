namespace Pipeline.Functions;

public enum NumberStatus
{
    Ok,
    NotANumber,
    TooManyDigits,
    OutOfRange,
}
