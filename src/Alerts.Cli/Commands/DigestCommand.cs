using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class DigestCommand
{
    public static Command Create() => NotBuiltYet.Create("digest", "Preview a recipient's digest e-mail.");
}
