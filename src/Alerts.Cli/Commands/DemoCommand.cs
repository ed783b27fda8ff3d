using System.CommandLine;
using Alerts.Cli.Demo;
using Alerts.Cli.Hosting;
using Alerts.Core.Changes;
using Microsoft.Extensions.Hosting;
using Alerts.Core.Common;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts demo</c>: the whole product on recorded pages, then the dashboard until Ctrl+C.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Serve recorded pages and run the whole pipeline through the 2026 China–Japan timeline.");
        var data = new Option<string>("--data")
        {
            Description = "Folder for the demo's database and outbox: a new or empty folder, or one an earlier demo wrote (emptied first).",
            DefaultValueFactory = _ => Path.Combine(EmbeddedHostSettings.DefaultDataDirectory, "demo"),
        };
        var port = CommonOptions.Port("Port for the dashboard on 127.0.0.1.");
        var noServe = new Option<bool>("--no-serve") { Description = "Exit after the summary instead of keeping the dashboard up." };
        command.Options.Add(data);
        command.Options.Add(port);
        command.Options.Add(noServe);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var serve = !parseResult.GetValue(noServe);
            await using var demo = await DemoRunner.StartAsync(parseResult.GetValue(data)!, CommonOptions.CheckPort(parseResult.GetValue(port)), serve, cancellationToken).ConfigureAwait(false);
            var summary = await demo.RunAsync(output, cancellationToken).ConfigureAwait(false);
            await WriteSummaryAsync(output, summary, serve).ConfigureAwait(false);

            // The key the API and the dashboard's forms take (the demo's database is new, so it is always created here).
            await ApiEndpoints.EnsureAdminKeyAsync(demo.App.Services, output, cancellationToken).ConfigureAwait(false);
            if (serve)
            {
                await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
                await demo.App.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, DemoSummary summary, bool serve)
    {
        var changes = summary.Stages.SelectMany(s => s.Changes).Where(c => c.Change.Kind != ChangeKind.Baseline).ToList();
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("Summary").ConfigureAwait(false);
        await output.WriteLineAsync($"  changes:  {changes.Count} ({string.Join(", ", changes.GroupBy(c => c.Change.Kind).Select(g => $"{g.Count()} {g.Key.WireName()}"))})").ConfigureAwait(false);
        await output.WriteLineAsync($"  alerts:   {summary.Alerts.Count}").ConfigureAwait(false);
        foreach (var company in summary.Alerts.GroupBy(a => a.CompanyId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var bySeverity = company.GroupBy(a => a.Severity).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.WireName()}");
            await output.WriteLineAsync($"    {company.Key,-22} {string.Join(", ", bySeverity)}").ConfigureAwait(false);
        }

        foreach (var (stage, _, unhealthy) in summary.Stages.Where(s => s.Unhealthy.Count > 0))
        {
            await output.WriteLineAsync($"  unhealthy at {stage.Stage}: {string.Join("; ", unhealthy)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("What each company was told (e-mail subjects, in the order sent)").ConfigureAwait(false);
        foreach (var (company, subjects) in summary.Told)
        {
            await output.WriteLineAsync($"  {company}").ConfigureAwait(false);
            foreach (var subject in subjects)
            {
                await output.WriteLineAsync($"    {subject}").ConfigureAwait(false);
            }
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("Digests over the timeline (previews; nothing sent)").ConfigureAwait(false);
        foreach (var (company, path) in summary.Digests)
        {
            await output.WriteLineAsync($"  {company,-22} {path}").ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"  outbox:   {summary.OutboxDirectory} ({summary.OutboxFiles} files: .eml e-mails, teams-*.json cards, digest-preview-*.html)").ConfigureAwait(false);
        if (serve)
        {
            await output.WriteLineAsync($"  dashboard: {summary.Dashboard}").ConfigureAwait(false);
        }
    }
}
