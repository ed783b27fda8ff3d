using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class DlqCommand
{
    public static Command Create() => NotBuiltYet.Create("dlq", "List, show and replay dead-lettered messages.");
}
