using System.CommandLine;
using Pipeline.Local.Runner;

namespace Pipeline.Local.Commands;

/// <summary>
/// <c>serve</c>: starts DynamoDB Local and the S3 server once, creates the stack's bucket and table, and keeps them until
/// Ctrl-C. While it runs, <c>run</c> and <c>exec</c> use these servers instead of starting their own: a run starts
/// seconds sooner, and the table and the bucket survive between runs, so a re-delivered file shows as already stored.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run DynamoDB Local and the S3 server until Ctrl-C; run and exec use them meanwhile, and their data lasts between runs.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            await using var aws = await LocalServers.StartAsync(AppContext.BaseDirectory, stderr, cancellationToken).ConfigureAwait(false);
            await new LocalStack(aws).CreateAsync(cancellationToken).ConfigureAwait(false);
            var served = new ServedServers(Environment.ProcessId, aws.S3Endpoint, aws.DynamoDbEndpoint);
            served.Write(aws.RepositoryRoot);
            try
            {
                await stdout.WriteLineAsync($"Serving S3 at {served.S3} and DynamoDB at {served.DynamoDb} (announced in {ServedServers.FilePath(aws.RepositoryRoot)}).").ConfigureAwait(false);
                await stdout.WriteLineAsync("run and exec use these servers until Ctrl-C; their table and bucket last until then.").ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await stdout.WriteLineAsync("Stopping the servers: their table and bucket go with them.").ConfigureAwait(false);
            }
            finally
            {
                ServedServers.Remove(aws.RepositoryRoot);
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }
}
