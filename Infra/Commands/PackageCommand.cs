using System.CommandLine;
using Pipeline.Functions.Packaging;
using Pipeline.Infra.Synthesis;

namespace Pipeline.Infra.Commands;

/// <summary>
/// <c>package</c>: builds the functions' deployment package for the architecture the program deploys (Native AOT
/// publish, then the zip with Unix modes the program's <c>code</c> points at), unless it is up to date. Progress goes to
/// stderr; stdout gets the package's path.
/// </summary>
public static class PackageCommand
{
    public static Command Create()
    {
        var command = new Command("package", $"Build the functions' deployment package ({FunctionBuilder.CodePath}) when its sources changed");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var root = StackSynthesizer.FindProjectRoot(Directory.GetCurrentDirectory());
            var package = await EnsureAsync(root, parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(package).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The package the program deploys, built first when stale.</summary>
    public static Task<string> EnsureAsync(string projectRoot, TextWriter log, CancellationToken cancellationToken = default) =>
        FunctionPackage.EnsureAsync(projectRoot, FunctionBuilder.Architecture, log, cancellationToken);
}
