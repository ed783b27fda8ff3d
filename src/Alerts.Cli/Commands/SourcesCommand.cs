using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class SourcesCommand
{
    public static Command Create() => NotBuiltYet.Create("sources", "List the sources with their schedule, base URL, last poll and health.");
}
