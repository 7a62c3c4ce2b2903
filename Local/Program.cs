using System.CommandLine;
using Pipeline.Local.Commands;

var parsed = LocalCli.Parse(args);

// A usage error is not a failed execution: it gets its own exit code.
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("See --help for the commands and their options.");
    return ExitCodes.CouldNotRun;
}

// InvokeAsync turns Ctrl-C and SIGTERM into cancellation, so the local servers are stopped on the way out. An error that
// stops a command is reported by its message alone: the stack trace is for a debugger, not for the command's user.
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    return ExitCodes.Interrupted;
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return ExitCodes.CouldNotRun;
}
