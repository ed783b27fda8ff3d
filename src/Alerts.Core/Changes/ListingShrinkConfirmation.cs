namespace Alerts.Core.Changes;

/// <summary>What <see cref="ListingShrinkConfirmation.ConfirmAsync"/> did.</summary>
public enum ShrinkConfirmationOutcome
{
    /// <summary>The listings are marked: their next read is taken as it is.</summary>
    Confirmed,

    /// <summary>The source has never been polled here.</summary>
    NeverPolled,

    /// <summary>No listing of the source is suspect (or not the one named).</summary>
    NotSuspect,
}

/// <summary>The outcome and the listings it concerns (with the warning each carried).</summary>
public sealed record ShrinkConfirmationResult(ShrinkConfirmationOutcome Outcome, IReadOnlyDictionary<string, string> Listings);

/// <summary>
/// A person confirms that a suspect listing (one that shrank to fewer than half its rows) is really shorter now, so its
/// notices that are gone may be withdrawn (issue 12, item 3: "until it recovers or a person confirms"). The listing's
/// HTTP validators are dropped with it: otherwise a 304 on the next poll would carry the kept rows forward and the
/// confirmation would wait for the site to change.
/// </summary>
public sealed class ListingShrinkConfirmation(ISnapshotStore store)
{
    private const int Attempts = 3;

    /// <param name="sourceId">The source.</param>
    /// <param name="listingUrl">One suspect listing, or null for every suspect listing of the source.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    public async Task<ShrinkConfirmationResult> ConfirmAsync(string sourceId, string? listingUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await store.LoadAsync(sourceId, cancellationToken).ConfigureAwait(false);
            if (snapshot is null)
            {
                return new ShrinkConfirmationResult(ShrinkConfirmationOutcome.NeverPolled, new Dictionary<string, string>());
            }

            var chosen = snapshot.SuspectListings
                .Where(s => listingUrl is null || string.Equals(s.Key, listingUrl, StringComparison.Ordinal))
                .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
            if (chosen.Count == 0)
            {
                return new ShrinkConfirmationResult(ShrinkConfirmationOutcome.NotSuspect, chosen);
            }

            var confirmed = snapshot with
            {
                ShrinksConfirmed = [.. snapshot.ShrinksConfirmed.Union(chosen.Keys, StringComparer.Ordinal)],
                Validators = snapshot.Validators.Where(v => !chosen.ContainsKey(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
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
