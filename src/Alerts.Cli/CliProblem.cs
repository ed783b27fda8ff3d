namespace Alerts.Cli;

/// <summary>
/// An ordinary mistake a verb found (a file where a folder belongs, a port out of range, a folder the demo did not
/// create): <see cref="FriendlyErrors"/> prints its message as one line on stderr and exits with its code.
/// </summary>
internal sealed class CliProblem(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
