using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create() => NotBuiltYet.Create("demo", "Serve recorded pages and run the whole pipeline through the 2026 China–Japan timeline.");
}
