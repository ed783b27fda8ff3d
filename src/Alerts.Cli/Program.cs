using Alerts.Cli;

return await AlertsCli.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
