using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Messaging;
using Alerts.Core.Common;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts dlq list|show &lt;id&gt;|replay &lt;id&gt;|--all</c> over the dead-letter queues.</summary>
internal static class DlqCommand
{
    public static Command Create()
    {
        var command = new Command("dlq", "List, show and replay dead-lettered messages.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Replay());
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List dead letters, newest first.");
        var data = CommonOptions.Data();
        var subscription = new Option<string?>("--subscription") { Description = "Only this subscription: alerts, email or teams." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        command.Options.Add(data);
        command.Options.Add(subscription);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var only = parseResult.GetValue(subscription);
            if (DeadLetterService.SubscriptionProblem(only) is { } problem)
            {
                await error.WriteLineAsync($"alerts dlq list: {problem}.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            if (!CliServices.TryGet<DeadLetterService>(services, error, "dlq", out var deadLetters))
            {
                return ExitCodes.Failure;
            }

            var letters = await deadLetters.ListAsync(only, cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(letters, AlertsJson.Indented)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            if (letters.Count == 0)
            {
                await output.WriteLineAsync("No dead letters.").ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var letter in letters)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{letter.Id}\t{letter.Subscription}\t{letter.DeadLetteredAt:yyyy-MM-ddTHH:mm:ssZ}\t{letter.Reason}\t{letter.MessageId}")).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Show one dead letter with its reason, description and body.");
        var data = CommonOptions.Data();
        var id = new Argument<string>("id") { Description = "The dead letter's id (from dlq list)." };
        command.Options.Add(data);
        command.Arguments.Add(id);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            if (!CliServices.TryGet<DeadLetterService>(services, error, "dlq", out var deadLetters))
            {
                return ExitCodes.Failure;
            }

            var letter = await deadLetters.GetAsync(parseResult.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            if (letter is null)
            {
                await error.WriteLineAsync($"alerts dlq show: no dead letter '{parseResult.GetValue(id)}'.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(letter, AlertsJson.Indented)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Replay()
    {
        var command = new Command("replay", "Replay a dead letter (a clone with a new message id); the delivery ledger keeps anything already sent from being sent again.");
        var data = CommonOptions.Data();
        var id = new Argument<string?>("id") { Description = "The dead letter's id.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter." };
        command.Options.Add(data);
        command.Options.Add(all);
        command.Arguments.Add(id);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var one = parseResult.GetValue(id);
            var everything = parseResult.GetValue(all);
            if ((one is null) == !everything)
            {
                await error.WriteLineAsync("alerts dlq replay: give either a dead letter id or --all.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            if (!CliServices.TryGet<DeadLetterService>(services, error, "dlq", out var deadLetters))
            {
                return ExitCodes.Failure;
            }

            if (everything)
            {
                var replayed = await deadLetters.ReplayAllAsync(null, cancellationToken).ConfigureAwait(false);
                foreach (var answer in replayed)
                {
                    await output.WriteLineAsync($"{answer.DeadLetterId} replayed as {answer.NewMessageId}").ConfigureAwait(false);
                }

                if (replayed.Count == 0)
                {
                    await output.WriteLineAsync("No dead letters.").ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            var single = await deadLetters.ReplayAsync(one!, cancellationToken).ConfigureAwait(false);
            if (single is null)
            {
                await error.WriteLineAsync($"alerts dlq replay: no dead letter '{one}'.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await output.WriteLineAsync($"{single.DeadLetterId} replayed as {single.NewMessageId}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
