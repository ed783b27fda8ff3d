using System.CommandLine;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Delivery;
using Alerts.Infrastructure;
using Alerts.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts digest --preview --company &lt;id&gt; [--recipient &lt;email&gt;] [--since] [--until]</c>: writes the digest HTML and prints its path.</summary>
internal static class DigestCommand
{
    public static Command Create()
    {
        var command = new Command("digest", "Preview a recipient's digest e-mail.");
        var data = CommonOptions.Data();
        var preview = new Option<bool>("--preview") { Description = "Render without sending or moving the recipient's cursor (the only mode: digests are sent by alerts run)." };
        var company = new Option<string>("--company") { Description = "The company id.", Required = true };
        var recipient = new Option<string?>("--recipient") { Description = "A digest recipient's e-mail (default: the company's first digest recipient)." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Start of the period (inclusive), e.g. 2026-01-01 or 2026-01-01T09:00:00Z (default: where the recipient's last digest ended)." };
        var until = new Option<DateTimeOffset?>("--until") { Description = "End of the period (default: now)." };
        var output = new Option<string?>("--out") { Description = "Where to write the HTML (default: <data>/outbox/digest-preview-<company>-<hash>.html)." };
        command.Options.Add(data);
        command.Options.Add(preview);
        command.Options.Add(company);
        command.Options.Add(recipient);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (!parseResult.GetValue(preview))
            {
                await error.WriteLineAsync("alerts digest: only --preview is supported here; digests are sent on schedule by alerts run.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var (from, to) = (parseResult.GetValue(since), parseResult.GetValue(until));
            if (from is not null && to is not null && from >= to)
            {
                await error.WriteLineAsync($"alerts digest: --since {from:O} is not before --until {to:O}.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var dataDirectory = parseResult.GetValue(data)!;
            var companyId = parseResult.GetValue(company)!;
            await using var services = CliServices.Build(dataDirectory);
            if (!CliServices.TryGet<IDigestService>(services, error, "digest", out var digests))
            {
                return ExitCodes.Failure;
            }

            var period = from is null && to is null ? null : new DigestPeriod(from, to);
            DigestPreview? rendered;
            try
            {
                rendered = await digests.PreviewAsync(companyId, parseResult.GetValue(recipient), period, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync($"alerts digest: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (UnknownRecipientException ex)
            {
                // An address that is not one of the company's recipients: say so rather than render for a stranger.
                await error.WriteLineAsync($"alerts digest: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (rendered is null)
            {
                await error.WriteLineAsync($"alerts digest: no company '{companyId}'.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var path = parseResult.GetValue(output) ?? Path.Combine(services.GetRequiredService<IOptions<HostingOptions>>().Value.OutboxDirectory,
                OutboxFiles.DigestPreviewName(companyId, rendered.Recipient));
            if (parseResult.GetValue(output) is not null && File.Exists(path))
            {
                // Never overwrite a file this command did not create.
                await error.WriteLineAsync($"alerts digest: --out '{Path.GetFullPath(path)}' already exists; give a new file name.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, rendered.Email.Html, cancellationToken).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(Path.GetFullPath(path)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
