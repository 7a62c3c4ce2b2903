using Pipeline.Local.Clock;

namespace Pipeline.Local.Tasks;

/// <summary>
/// What a bound handler may use besides its input: the virtual clock of its branch (delaying on it makes a handler
/// "slow" in virtual time, which is how tests reach TimeoutSeconds), the attempt number and cancellation.
/// </summary>
public sealed record TaskContext(string StateName, int RetryCount, IVirtualClock Clock, Random Random, CancellationToken CancellationToken);
