using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Alerts.Core.Delivery;

/// <summary>
/// Section <c>Delivery</c>:
/// <code>{ "Delivery": { "PublicBaseUrl": "https://alerts.example.com", "DrainBudget": "00:07:00" } }</code>
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>
    /// Azure only: NCRONTAB with seconds (UTC) of the drain timers (<c>%Delivery__Schedule%</c>); <c>alerts run</c> uses
    /// <c>DeliveryLoops:DrainInterval</c>. Bound here so a malformed value fails start-up with its name.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>Where the dashboard lives; a change's diff page is <c>{PublicBaseUrl}/changes/{changeId}</c>.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    /// <summary>The one-machine default; Azure mode refuses to start with it (nobody else can open these links).</summary>
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:7070";

    /// <summary>How long one drain may run: about 70 % of host.json's functionTimeout (10 min), so settlement finishes in time.</summary>
    public TimeSpan DrainBudget { get; set; } = TimeSpan.FromMinutes(7);

    /// <summary>
    /// How long one company (tenant) may take inside a drain, all its webhooks and recipients together: past it the
    /// company's remaining sends are left for redelivery, so hanging webhooks of one tenant cannot hold up the others.
    /// </summary>
    public TimeSpan TenantBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The ledger write after a send uses its own token with this timeout, not the drain's: a stop (SIGINT) that comes
    /// after the provider accepted must not cancel the record of it (which would send it again on redelivery).
    /// </summary>
    public TimeSpan LedgerWriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long one receive waits for a first message; an empty batch ends the drain.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(5);

    public string DiffUrl(string changeId) => $"{PublicBaseUrl.TrimEnd('/')}/changes/{Uri.EscapeDataString(changeId)}";

    /// <summary>A signed action link's page: <c>{PublicBaseUrl}/act/{token}</c> (the token is base64url and dots: path-safe).</summary>
    public string ActionUrl(string token) => $"{PublicBaseUrl.TrimEnd('/')}/act/{Uri.EscapeDataString(token)}";

    /// <summary>The stored copy of the notice on the change page (a withdrawn notice's original page answers 404).</summary>
    public string CopyUrl(string changeId) => DiffUrl(changeId) + "#copy";
}

/// <summary>
/// Section <c>Digest</c>:
/// <code>{ "Digest": { "SendWhenEmpty": true, "TopItems": 10 } }</code>
/// </summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>
    /// Azure only: NCRONTAB with seconds (UTC) of the digest timer (<c>%Digest__Schedule%</c>); <c>alerts run</c> uses
    /// <c>DeliveryLoops:DigestInterval</c>. It must fire in every hour: the digest service sends each recipient at its
    /// own local hour, so a timer that skips an hour skips every recipient whose hour it is (a weekly one sends nothing).
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>An empty period still sends a one-line "nothing new" e-mail.</summary>
    public bool SendWhenEmpty { get; set; } = true;

    [Range(1, 100)]
    public int TopItems { get; set; } = 10;

    /// <summary>Effective dates within this many days ahead are listed as upcoming.</summary>
    [Range(1, 365)]
    public int UpcomingDays { get; set; } = 30;
}

/// <summary>What data annotations cannot check: the timer schedules parse, and the digest's wakes it every hour.</summary>
internal sealed class DeliveryScheduleValidator : IValidateOptions<DeliveryOptions>, IValidateOptions<DigestOptions>
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Delivery:PublicBaseUrl: '{options.PublicBaseUrl}' is not an absolute http(s) URL.");
        }

        if (options.DrainBudget <= TimeSpan.Zero)
        {
            errors.Add($"Delivery:DrainBudget: '{options.DrainBudget}' must be positive.");
        }

        if (options.TenantBudget <= TimeSpan.Zero || options.TenantBudget > options.DrainBudget)
        {
            errors.Add($"Delivery:TenantBudget: '{options.TenantBudget}' must be positive and at most Delivery:DrainBudget ('{options.DrainBudget}').");
        }

        if (options.LedgerWriteTimeout <= TimeSpan.Zero)
        {
            errors.Add($"Delivery:LedgerWriteTimeout: '{options.LedgerWriteTimeout}' must be positive.");
        }

        if (options.Schedule is { Length: > 0 } schedule && CrontabSchedule.TryParse(schedule, WithSeconds) is null)
        {
            errors.Add($"Delivery:Schedule: '{schedule}' is not NCRONTAB with seconds (e.g. '0 */1 * * * *').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Schedule is not { Length: > 0 } schedule)
        {
            return ValidateOptionsResult.Success;
        }

        if (CrontabSchedule.TryParse(schedule, WithSeconds) is not { } parsed)
        {
            return ValidateOptionsResult.Fail($"Digest:Schedule: '{schedule}' is not NCRONTAB with seconds (e.g. '0 5 * * * *').");
        }

        return FiresEveryHour(parsed)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Digest:Schedule: '{schedule}' does not fire in every hour: recipients are sent at their local hour, so the digest must be woken at least hourly (e.g. '0 5 * * * *').");
    }

    /// <summary>At least one occurrence in each of the 168 hours of a week (weekly cadences included).</summary>
    internal static bool FiresEveryHour(CrontabSchedule schedule)
    {
        var monday = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        for (var hour = 0; hour < 7 * 24; hour++)
        {
            var start = monday.AddHours(hour);
            var end = start.AddHours(1);
            if (schedule.GetNextOccurrence(start.AddTicks(-1), end) >= end)
            {
                return false;
            }
        }

        return true;
    }
}
