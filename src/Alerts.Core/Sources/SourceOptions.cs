using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Alerts.Core.Sources;

/// <summary>
/// Per-source settings, bound from <c>Sources:&lt;id&gt;</c> as a named options instance (the name is the source id).
/// Everything is optional: an unset value falls back to the source's descriptor or a safe default.
/// </summary>
public sealed class SourceOptions
{
    public const string SectionName = "Sources";

    public const long DefaultMaxBodyBytes = 10L * 1024 * 1024;

    /// <summary>Origin to poll instead of the official one (fixture server, proxy mirror). Real paths are kept.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>NCRONTAB with seconds (six fields), UTC.</summary>
    public string? Schedule { get; set; }

    /// <summary>
    /// NCRONTAB with seconds, UTC: how often the detail pages (and annexes) of live notices — published less than 30 days
    /// ago, not yet in force, or with a window still open — are re-read with conditional requests, edits the listing
    /// hides (issue 17). Checked at the poll's own ticks, so it is at most as frequent as <see cref="Schedule"/>.
    /// </summary>
    public string? RevalidateSchedule { get; set; }

    /// <summary>METI and MOFA answer 403 to non-browser agents (sources.md §0.4), so the default looks like a browser.</summary>
    public string? UserAgent { get; set; }

    public string? ProxyUrl { get; set; }

    /// <summary>Minimum spacing between two requests to the same host (default 3 s, sources.md §1.1).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan PolitenessDelay { get; set; } = TimeSpan.FromSeconds(3);

    [Range(1024L, 1L * 1024 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    public bool Enabled { get; set; } = true;

    /// <summary>Per-attempt timeout (CI requests to METI often time out at 20 s, sources.md §1.8).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Detail pages fetched at most per poll; the other rows wait for the next poll (issue 12).</summary>
    [Range(1, 10_000)]
    public int MaxDetailFetchesPerPoll { get; set; } = SourcePollSettings.DefaultMaxDetailFetchesPerPoll;

    /// <summary>A row whose notice could not be read is tried again no sooner than this × 2^(attempts − 1).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan UnreadRetryBaseDelay { get; set; } = SourcePollSettings.Default.UnreadRetryBaseDelay;

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan UnreadRetryMaxDelay { get; set; } = SourcePollSettings.Default.UnreadRetryMaxDelay;

    /// <summary>
    /// Mirrors whose links this source may follow besides the base URL's host and its official hosts
    /// (<c>Sources:&lt;id&gt;:AllowedHosts:0</c> = <c>xkzj.mofcom.gov.cn</c>). Every other host is refused (SSRF guard).
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Let the source's connections reach loopback and private addresses other than the configured base URL's host
    /// (tests with several local fixture hosts only). Off: such a connection is refused as the webhook client refuses it.
    /// </summary>
    public bool AllowNonPublicAddresses { get; set; }

    public const string DefaultUserAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
}

/// <summary>Checks what data annotations cannot: absolute URLs and a parseable six-field schedule.</summary>
internal sealed class SourceOptionsValidator : IValidateOptions<SourceOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.BaseUrl is { Length: > 0 } baseUrl && !IsHttpUrl(baseUrl))
        {
            errors.Add($"Sources:{name}:BaseUrl '{baseUrl}' is not an absolute http(s) URL.");
        }

        if (options.ProxyUrl is { Length: > 0 } proxy && !IsHttpUrl(proxy))
        {
            errors.Add($"Sources:{name}:ProxyUrl '{proxy}' is not an absolute http(s) URL.");
        }

        foreach (var host in options.AllowedHosts)
        {
            if (Uri.CheckHostName(host?.Trim()) == UriHostNameType.Unknown)
            {
                errors.Add($"Sources:{name}:AllowedHosts entry '{host}' is not a host name (no scheme, path or port).");
            }
        }

        if (options.Schedule is { Length: > 0 } schedule
            && CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            errors.Add($"Sources:{name}:Schedule '{schedule}' is not NCRONTAB with seconds (e.g. '0 */15 * * * *').");
        }

        if (options.RevalidateSchedule is { Length: > 0 } revalidate
            && CrontabSchedule.TryParse(revalidate, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            errors.Add($"Sources:{name}:RevalidateSchedule '{revalidate}' is not NCRONTAB with seconds (e.g. '0 0 */6 * * *').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
