using Alerts.Cli;

namespace Alerts.Cli.Tests;

/// <summary>Runs the <c>alerts</c> command line in process and captures what it writes.</summary>
internal static class CliRunner
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        RunAsync(CancellationToken.None, args);

    /// <summary>As <see cref="RunAsync(string[])"/>; <paramref name="cancellationToken"/> stops a verb that would run until Ctrl+C.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AlertsCli.Create().Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
