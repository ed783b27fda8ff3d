using Alerts.Core.Notices;

namespace Alerts.Core.Changes;

/// <summary>A change with everything the bus message leaves out (claim check): the notice as it now is, the version before, the diff.</summary>
/// <param name="Diff">A readable diff of the previous and current text (character level for Chinese, word level otherwise); null for added.</param>
public sealed record ChangeRecord(ChangeEvent Change, Notice Notice, Notice? Previous, string? Diff)
{
    /// <summary>The page and annexes this change was read from, kept in <see cref="IPageArchive"/> (empty for a withdrawal or a 304).</summary>
    public IReadOnlyList<ArchivedPage> Pages { get; init; } = [];
}

/// <summary>Reads changes back by id: subscribers fetch the full notice here, the dashboard its diff.</summary>
public interface IChangeArchive
{
    Task<ChangeRecord?> GetAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ChangeEvent>> ListAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken);
}
