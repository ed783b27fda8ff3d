using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Matching;

/// <summary>
/// The company store, with the matcher's index kept ready: after every write the store's companies are listed again
/// and their index built on a background task, so the <c>alerts</c> drain, which lists the companies and matches,
/// finds an index with the same content (by hash) and does not build on the delivery path. Writes made by another
/// process are not seen here; a drain that meets them still builds once itself (<see cref="NoticeMatcher.IndexBuildsOnMatch"/>).
/// </summary>
public sealed partial class IndexedCompanyStore : ICompanyStore
{
    private readonly ICompanyStore _inner;
    private readonly NoticeMatcher? _matcher;
    private readonly ILogger<IndexedCompanyStore> _logger;
    private readonly Lock _gate = new();
    private bool _dirty;
    private bool _running; // under _gate: a Refresh that meets a rebuild about to end must still start one
    private Task _refresh = Task.CompletedTask;

    public IndexedCompanyStore(ICompanyStore inner, INoticeMatcher matcher, ILogger<IndexedCompanyStore> logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(logger);
        _inner = inner;
        _matcher = matcher as NoticeMatcher; // another matcher keeps no index to prepare
        _logger = logger;
    }

    public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

    public Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken) => _inner.GetAsync(companyId, cancellationToken);

    public async Task UpsertAsync(Company company, CancellationToken cancellationToken)
    {
        await _inner.UpsertAsync(company, cancellationToken).ConfigureAwait(false);
        Refresh();
    }

    public async Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        await _inner.UpsertManyAsync(companies, cancellationToken).ConfigureAwait(false);
        Refresh();
    }

    public async Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken)
    {
        var deleted = await _inner.DeleteAsync(companyId, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            Refresh();
        }

        return deleted;
    }

    /// <summary>Completes when the index for every write made so far is built (tests, and a host that wants it warm).</summary>
    public Task WhenIndexedAsync()
    {
        lock (_gate)
        {
            return _refresh;
        }
    }

    /// <summary>Builds the index for the store's current companies in the background (a host's warm start calls it once).</summary>
    public void Refresh()
    {
        if (_matcher is null)
        {
            return;
        }

        lock (_gate)
        {
            _dirty = true;
            if (!_running)
            {
                _running = true;
                _refresh = Task.Run(RebuildAsync);
            }
        }
    }

    // Writes arriving during a build coalesce into one more build: the index follows the latest companies, not every write.
    private async Task RebuildAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!_dirty)
                {
                    _running = false;
                    return;
                }

                _dirty = false;
            }

            try
            {
                // Not the writer's token: the write is done, and the index must follow it even if that request ends.
                var companies = await _inner.ListAsync(CancellationToken.None).ConfigureAwait(false);
                _matcher!.PrepareIndex(companies);
            }
            catch (Exception ex)
            {
                // The next drain builds the index itself; nothing is lost but time.
                LogRebuildFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the matcher index after a company change failed; the next match builds it")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
