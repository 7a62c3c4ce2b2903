using Pipeline.Local.Commands;

// InvokeAsync turns Ctrl-C and SIGTERM into cancellation, so the local servers are stopped on the way out.
return await LocalCli.Parse(args).InvokeAsync();
