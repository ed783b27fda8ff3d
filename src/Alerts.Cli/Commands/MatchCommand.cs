using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class MatchCommand
{
    public static Command Create() => NotBuiltYet.Create("match", "Extract a notice from a file and show which companies it alerts, and why.");
}
