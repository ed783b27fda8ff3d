using Alerts.Core.Sources;

namespace Alerts.Core.Changes;

/// <summary>What <see cref="ListingShrinkConfirmation.ConfirmAsync"/> did.</summary>
public enum ShrinkConfirmationOutcome
{
    /// <summary>The listings are marked: their next read is taken as it is.</summary>
    Confirmed,

    /// <summary>No source has that id.</summary>
    UnknownSource,

    /// <summary>The source has never been polled here.</summary>
    NeverPolled,

    /// <summary>No listing of the source is suspect (or not the one named).</summary>
    NotSuspect,
}

/// <summary>The outcome, the listings confirmed, and, when nothing was confirmed, why (one sentence every surface prints).</summary>
public sealed record ShrinkConfirmationResult(ShrinkConfirmationOutcome Outcome, IReadOnlyList<string> Listings, string? Problem = null);

/// <summary>
/// A person confirms that a suspect listing (one that shrank to fewer than half its rows) is really shorter now, so its
/// notices that are gone may be withdrawn (issue 12, item 3: "until it recovers or a person confirms"). The listing's
/// HTTP validators are dropped with it: otherwise a 304 on the next poll would carry the kept rows forward and the
/// confirmation would wait for the site to change. The CLI verb and the API route both call this.
/// </summary>
public sealed class ListingShrinkConfirmation(ISnapshotStore store, ISourceCatalog catalog)
{
    private const int Attempts = 3;

    /// <param name="sourceId">The source.</param>
    /// <param name="listingUrl">One suspect listing, or null for every suspect listing of the source.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<ShrinkConfirmationResult> ConfirmAsync(string sourceId, string? listingUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        if (catalog.Find(sourceId) is null)
        {
            return new ShrinkConfirmationResult(ShrinkConfirmationOutcome.UnknownSource, [], $"unknown source '{sourceId}' (alerts sources lists them)");
        }

        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await store.LoadAsync(sourceId, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return new ShrinkConfirmationResult(ShrinkConfirmationOutcome.NeverPolled, [], $"{sourceId} has never been polled here; there is nothing to confirm");
            }

            List<string> chosen = [.. snapshot.SuspectListings.Keys.Where(url => listingUrl is null || string.Equals(url, listingUrl, StringComparison.Ordinal))];
            if (chosen.Count == 0)
            {
                return new ShrinkConfirmationResult(ShrinkConfirmationOutcome.NotSuspect, [], listingUrl is null
                    ? $"no listing of {sourceId} is suspect; nothing changed"
                    : $"{listingUrl} is not a suspect listing of {sourceId}; nothing changed");
            }

            var confirmed = snapshot with
            {
                ShrinksConfirmed = [.. snapshot.ShrinksConfirmed.Union(chosen, StringComparer.Ordinal)],
                Validators = snapshot.Validators.Where(v => !chosen.Contains(v.Key, StringComparer.Ordinal)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            };
            try
            {
                await store.SaveAsync(confirmed, [], cancellationToken).ConfigureAwait(false);
                return new ShrinkConfirmationResult(ShrinkConfirmationOutcome.Confirmed, chosen);
            }
            catch (SnapshotConflictException) when (attempt < Attempts)
            {
                // A poll saved in between: read its snapshot and confirm again on top of it.
            }
        }
    }
}
