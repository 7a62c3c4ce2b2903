using Pipeline.Local.Commands;

return LocalCli.Create().Parse(args).Invoke();
