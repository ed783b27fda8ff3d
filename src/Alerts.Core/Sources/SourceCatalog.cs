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
}
