using System.CommandLine;

namespace Alerts.Cli.Commands;

internal static class SubscriptionsCommand
{
    public static Command Create() => NotBuiltYet.Create("subscriptions", "Import, export and list companies and what they watch.");
}
