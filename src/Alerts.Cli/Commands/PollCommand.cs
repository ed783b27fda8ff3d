using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class PollCommand
{
    public static Command Create() => NotBuiltYet.Create("poll", "Poll sources once and print their changes.");
}
