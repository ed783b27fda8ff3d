using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Assessments;
using Alerts.Core.Common;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts assess list|show|set</c>: a company's assessments of the notices it was alerted to (issue 19), over <see cref="IAssessmentService"/>.</summary>
internal static class AssessCommand
{
    /// <summary>The actor the events name: a shell has no signed-in person, so the CLI is the actor.</summary>
    private const string Actor = "cli";

    public static Command Create()
    {
        var command = new Command("assess", "List, show and change a company's assessments: one per notice it was alerted to (state, owner, due date, note).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Set());
        return command;
    }

    private static Option<string> Company() => new("--company") { Description = "The company id (alerts subscriptions list).", Required = true };

    private static Option<string> Notice() => new("--notice") { Description = "The notice key, e.g. cn-mofcom:2025:61 (as alerts assess list prints it).", Required = true };

    private static Option<bool> Json(string what) => new("--json") { Description = what };

    private static Command List()
    {
        var command = new Command("list", "List the company's assessments, open ones first by due date.");
        var company = Company();
        var state = new Option<string?>("--state") { Description = "Only this state: " + States() + "." };
        var json = Json("One JSON object per line: {\"company\",\"noticeKey\",\"state\",\"owner\",\"due\",\"alerts\":[…]}.");
        var data = CommonOptions.Data();
        command.Options.Add(company);
        command.Options.Add(state);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            AssessmentState? wanted = null;
            if (parseResult.GetValue(state) is { Length: > 0 } given)
            {
                if (!WireNames.TryParseWire<AssessmentState>(given, out var parsed))
                {
                    await error.WriteLineAsync($"--state '{given}': not a state; use one of {States()}.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                wanted = parsed;
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var companyId = parseResult.GetValue(company)!;
            if (!await KnownAsync(services, companyId, error, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.BadInput;
            }

            var lines = AssessmentLine.Ordered(await services.GetRequiredService<IAssessmentService>().ListAsync(companyId, cancellationToken).ConfigureAwait(false), wanted);
            if (parseResult.GetValue(json))
            {
                foreach (var line in lines)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(line, AlertsJson.Web)).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"{"NOTICE",-40} {"STATE",-14} {"DUE",-10} {"ALERTS",6}  OWNER").ConfigureAwait(false);
            foreach (var line in lines)
            {
                await output.WriteLineAsync($"{line.NoticeKey,-40} {line.State.WireName(),-14} {Day(line.Due),-10} {line.Alerts.Count,6}  {line.Owner ?? "-"}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Show one assessment with its history of events, oldest first.");
        var company = Company();
        var notice = Notice();
        var json = Json("The assessment as one JSON object, with its events.");
        var data = CommonOptions.Data();
        command.Options.Add(company);
        command.Options.Add(notice);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var (companyId, noticeKey) = (parseResult.GetValue(company)!, parseResult.GetValue(notice)!);
            var assessment = await services.GetRequiredService<IAssessmentService>().GetAsync(companyId, noticeKey, cancellationToken).ConfigureAwait(false);
            if (assessment is null)
            {
                await error.WriteLineAsync(NotFound(companyId, noticeKey)).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(assessment, AlertsJson.Web)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await WriteAsync(output, assessment).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Set()
    {
        var command = new Command("set", "Change one assessment: each option given becomes its own event (actor cli, channel cli).");
        var company = Company();
        var notice = Notice();
        var state = new Option<string?>("--state") { Description = "The new state: " + States() + " (only allowed transitions; docs/assessments.md)." };
        var owner = new Option<string?>("--owner") { Description = "The owner: the e-mail address of one of the company's recipients." };
        var due = new Option<string?>("--due") { Description = "The due date, yyyy-MM-dd." };
        var note = new Option<string?>("--note") { Description = "A note (up to 4000 characters)." };
        var data = CommonOptions.Data();
        foreach (var option in new Option[] { company, notice, state, owner, due, note, data })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var (companyId, noticeKey) = (parseResult.GetValue(company)!, parseResult.GetValue(notice)!);
            var request = new AssessmentCommand(companyId, noticeKey, Actor, AssessmentChannel.Cli)
            {
                Owner = parseResult.GetValue(owner),
                Note = parseResult.GetValue(note),
            };
            if (parseResult.GetValue(state) is { } givenState)
            {
                if (!WireNames.TryParseWire<AssessmentState>(givenState, out var parsed))
                {
                    await error.WriteLineAsync($"--state '{givenState}': not a state; use one of {States()}.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                request = request with { State = parsed };
            }

            if (parseResult.GetValue(due) is { } givenDue)
            {
                if (!DateOnly.TryParseExact(givenDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    await error.WriteLineAsync($"--due '{givenDue}': expected a date, yyyy-MM-dd.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                request = request with { Due = date };
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var result = await services.GetRequiredService<IAssessmentService>().ApplyAsync(request, cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case AssessmentOutcome.Applied:
                    var a = result.Assessment!;
                    await output.WriteLineAsync($"{a.NoticeKey}: {a.State.WireName()}, owner {a.Owner ?? "-"}, due {Day(a.Due)}").ConfigureAwait(false);
                    return ExitCodes.Ok;
                case AssessmentOutcome.NotFound:
                    await error.WriteLineAsync(NotFound(companyId, noticeKey)).ConfigureAwait(false);
                    return ExitCodes.BadInput;
                default:
                    await error.WriteLineAsync($"alerts assess set: {result.Message}").ConfigureAwait(false);
                    return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static async Task<bool> KnownAsync(IServiceProvider services, string companyId, TextWriter error, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<ICompanyStore>().GetAsync(companyId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return true;
        }

        await error.WriteLineAsync($"--company '{companyId}': no such company (alerts subscriptions list).").ConfigureAwait(false);
        return false;
    }

    private static async Task WriteAsync(TextWriter output, Assessment a)
    {
        await output.WriteLineAsync($"{a.NoticeKey} ({a.CompanyId})").ConfigureAwait(false);
        await output.WriteLineAsync($"  state {a.State.WireName()}, owner {a.Owner ?? "-"}, due {Day(a.Due)}, opened {a.OpenedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z").ConfigureAwait(false);
        if (a.Note is { } note)
        {
            await output.WriteLineAsync($"  note: {note}").ConfigureAwait(false);
        }

        if (a.AffectedItems.Count > 0)
        {
            await output.WriteLineAsync($"  affected: {string.Join("; ", a.AffectedItems)}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  alerts: {string.Join(", ", a.AlertIds)}").ConfigureAwait(false);
        foreach (var e in a.Events)
        {
            var what = e.Action switch
            {
                AssessmentAction.Opened or AssessmentAction.StateChanged => e.State?.WireName(),
                AssessmentAction.Assigned => e.Owner,
                AssessmentAction.DueChanged => Day(e.Due),
                AssessmentAction.Noted or AssessmentAction.Escalated => e.Note,
                _ => e.AlertId,
            };
            await output.WriteLineAsync($"  {e.Sequence,3} {e.At.UtcDateTime:yyyy-MM-dd HH:mm}Z {e.Action.WireName(),-13} {what ?? "",-30} by {e.Actor} ({e.Channel.WireName()})").ConfigureAwait(false);
        }
    }

    private static string NotFound(string companyId, string noticeKey) =>
        $"No assessment of '{noticeKey}' for company '{companyId}' (alerts assess list --company {companyId}).";

    private static string States() => string.Join(", ", Enum.GetValues<AssessmentState>().Select(s => s.WireName()));

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
