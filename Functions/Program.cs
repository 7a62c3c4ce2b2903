using Pipeline.Functions.Runtime;

return await LambdaBootstrap.RunAsync(RuntimeHost.ProcessEnvironment(), RuntimeHost.Create, Console.Out).ConfigureAwait(false);
