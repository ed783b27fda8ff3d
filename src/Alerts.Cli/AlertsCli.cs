using System.CommandLine;
using Alerts.Cli.Commands;

namespace Alerts.Cli;

/// <summary>The <c>alerts</c> command line: one verb per file under <c>Commands/</c>, each thin.</summary>
internal static class AlertsCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Alerts: official export-control announcements, matched to the goods each company trades.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(PollCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(SourcesCommand.Create());
        root.Subcommands.Add(MeasuresCommand.Create());
        root.Subcommands.Add(AssessCommand.Create());
        root.Subcommands.Add(SubscriptionsCommand.Create());
        root.Subcommands.Add(DlqCommand.Create());
        root.Subcommands.Add(DigestCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        FriendlyErrors.Apply(root);
        return root;
    }
}
