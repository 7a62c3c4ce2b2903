using Pipeline.Local.Commands;

return LocalCli.Parse(args).Invoke();
