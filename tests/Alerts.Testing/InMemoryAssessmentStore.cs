using Alerts.Core.Assessments;

namespace Alerts.Testing;

/// <summary>The append-only promise of <see cref="IAssessmentStore"/> in memory: taken sequences and reused link ids conflict.</summary>
public sealed class InMemoryAssessmentStore : IAssessmentStore
{
    private readonly Lock _lock = new();
    private readonly List<AssessmentEvent> _events = [];

    public IReadOnlyList<AssessmentEvent> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public Task AppendAsync(AssessmentEvent assessmentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessmentEvent);
        lock (_lock)
        {
            var taken = _events.FirstOrDefault(e => e.EventId == assessmentEvent.EventId);
            if (taken is not null)
            {
                return Same(taken, assessmentEvent)
                    ? Task.CompletedTask
                    : throw new AssessmentConflictException($"Sequence {assessmentEvent.Sequence} of {assessmentEvent.NoticeKey} is taken.");
            }

            if (assessmentEvent.LinkId is { } link && _events.Any(e => e.LinkId == link))
            {
                throw new AssessmentConflictException($"Link {link} was used before.");
            }

            _events.Add(assessmentEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AssessmentEvent>> ListEventsAsync(string companyId, string noticeKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AssessmentEvent>>(
                [.. _events.Where(e => e.CompanyId == companyId && e.NoticeKey == noticeKey).OrderBy(e => e.Sequence)]);
        }
    }

    public Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken) =>
        Task.FromResult(Folded(e => e.CompanyId == companyId));

    public Task<IReadOnlyList<Assessment>> ListOpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Assessment>>([.. Folded(_ => true).Where(a => AssessmentTransitions.IsOpen(a.State))]);

    private IReadOnlyList<Assessment> Folded(Func<AssessmentEvent, bool> filter)
    {
        lock (_lock)
        {
            return [.. _events.Where(filter).GroupBy(e => (e.CompanyId, e.NoticeKey)).Select(g => Assessment.Fold([.. g])!)];
        }
    }

    // Records compare lists by reference: compare the affected items by content.
    private static bool Same(AssessmentEvent a, AssessmentEvent b) =>
        a with { AffectedItems = [] } == b with { AffectedItems = [] } && a.AffectedItems.SequenceEqual(b.AffectedItems);
}
