namespace Alerts.Core.Sources;

/// <summary>Every registered source, by id.</summary>
public interface ISourceCatalog
{
    IReadOnlyList<INoticeSource> All { get; }

    INoticeSource? Find(string sourceId);

    /// <summary>The base URL in force for a source (configuration, else the official origin).</summary>
    Uri BaseUrlOf(string sourceId);

    /// <summary>The NCRONTAB schedule in force for a source (configuration, else its default).</summary>
    string ScheduleOf(string sourceId);

    /// <summary>Whether the source is polled at all (<c>Sources:{id}:Enabled</c>).</summary>
    bool IsEnabled(string sourceId) => true;

    /// <summary>Detail-fetch cap, unread-row back-off and mirrors of a source (<c>Sources:{id}:…</c>).</summary>
    SourcePollSettings PollSettingsOf(string sourceId) => SourcePollSettings.Default;
}

/// <summary>The registered <see cref="INoticeSource"/>s with their configured base URL and schedule.</summary>
public sealed class SourceCatalog(IEnumerable<INoticeSource> sources, Microsoft.Extensions.Options.IOptionsMonitor<SourceOptions> options) : ISourceCatalog
{
    private readonly IReadOnlyList<INoticeSource> _all = sources.ToList();

    public IReadOnlyList<INoticeSource> All => _all;

    public INoticeSource? Find(string sourceId) =>
        _all.FirstOrDefault(s => string.Equals(s.Descriptor.Id, sourceId, StringComparison.Ordinal));

    public Uri BaseUrlOf(string sourceId)
    {
        var source = Find(sourceId) ?? throw new KeyNotFoundException($"Unknown source '{sourceId}'.");
        var configured = options.Get(sourceId).BaseUrl;
        return new Uri(string.IsNullOrWhiteSpace(configured) ? source.Descriptor.DefaultBaseUrl : configured, UriKind.Absolute);
    }

    public string ScheduleOf(string sourceId)
    {
        var source = Find(sourceId) ?? throw new KeyNotFoundException($"Unknown source '{sourceId}'.");
        return options.Get(sourceId).Schedule is { Length: > 0 } schedule ? schedule : source.Descriptor.DefaultSchedule;
    }

    /// <summary>Whether the source is enabled (<c>Sources:&lt;id&gt;:Enabled</c>, default true).</summary>
    public bool IsEnabled(string sourceId) => options.Get(sourceId).Enabled;

    public SourcePollSettings PollSettingsOf(string sourceId)
    {
        var settings = options.Get(sourceId);
        return new SourcePollSettings
        {
            MaxDetailFetchesPerPoll = settings.MaxDetailFetchesPerPoll,
            UnreadRetryBaseDelay = settings.UnreadRetryBaseDelay,
            UnreadRetryMaxDelay = settings.UnreadRetryMaxDelay,
            AllowedHosts = [.. settings.AllowedHosts],
            RevalidateSchedule = settings.RevalidateSchedule is { Length: > 0 } revalidate ? revalidate : SourcePollSettings.DefaultRevalidateSchedule,
        };
    }
}
