using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Alerts.Core.Delivery.Reminders;

/// <summary>
/// Section <c>Reminders</c>:
/// <code>{ "Reminders": { "Schedule": "0 15 * * * *", "GraceDays": 3 } }</code>
/// </summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>
    /// Azure only: NCRONTAB with seconds (UTC) of the reminder timer (<c>%Reminders__Schedule%</c>); <c>alerts run</c>
    /// uses <c>DeliveryLoops:ReminderInterval</c>. Hourly is enough: each recipient's day is its own time zone's, and a
    /// reminder goes once whatever the number of runs.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>How many days after a relief lapsed its "has ended" reminder is still sent by a run that missed its day.</summary>
    [Range(0, 30)]
    public int GraceDays { get; set; } = 3;
}

/// <summary>The reminder timer's schedule parses.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Schedule is { Length: > 0 } schedule && CrontabSchedule.TryParse(schedule, WithSeconds) is null
            ? ValidateOptionsResult.Fail($"Reminders:Schedule: '{schedule}' is not NCRONTAB with seconds (e.g. '0 15 * * * *').")
            : ValidateOptionsResult.Success;
    }
}
