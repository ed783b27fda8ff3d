using System.Collections.Concurrent;
using System.Net;
using Alerts.Core.Alerts;
using Alerts.Core.Api;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Alerts.Core.Fetching;

namespace Alerts.Testing;

/// <summary>In-memory companies for the API tests (other helpers have their own fakes).</summary>
public sealed class InMemoryCompanyStoreForApi : ICompanyStore
{
    private readonly ConcurrentDictionary<string, Company> _companies = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Company>>([.. _companies.Values.OrderBy(c => c.Id, StringComparer.Ordinal)]);

    public Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken) =>
        Task.FromResult(_companies.GetValueOrDefault(companyId));

    public Task UpsertAsync(Company company, CancellationToken cancellationToken)
    {
        _companies[company.Id] = company;
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        foreach (var company in companies)
        {
            _companies[company.Id] = company;
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken) => Task.FromResult(_companies.TryRemove(companyId, out _));
}

public sealed class InMemoryAlertStoreForApi : IAlertStore
{
    private readonly ConcurrentDictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Alert> All => [.. _alerts.Values];

    public Task UpsertAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        foreach (var alert in alerts)
        {
            _alerts[alert.AlertId] = alert;
        }

        return Task.CompletedTask;
    }

    public Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken) => Task.FromResult(_alerts.GetValueOrDefault(alertId));

    public Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>([.. _alerts.Values
            .Where(a => query.CompanyId is null || a.CompanyId == query.CompanyId)
            .Where(a => query.MinSeverity is null || a.Severity >= query.MinSeverity)
            .Where(a => query.Category is null || a.Categories.Contains(query.Category))
            .Where(a => query.Since is null || a.CreatedAt >= query.Since)
            .Where(a => query.Until is null || a.CreatedAt <= query.Until)
            .OrderByDescending(a => a.CreatedAt)
            .Take(query.Limit)]);
}

public sealed class InMemoryChangeArchiveForApi : IChangeArchive
{
    private readonly ConcurrentDictionary<string, ChangeRecord> _records = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ChangeRecord> All => [.. _records.Values];

    public void Add(ChangeRecord record) => _records[record.Change.ChangeId] = record;

    public Task<ChangeRecord?> GetAsync(string changeId, CancellationToken cancellationToken) => Task.FromResult(_records.GetValueOrDefault(changeId));

    public Task<IReadOnlyList<ChangeEvent>> ListAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChangeEvent>>([.. _records.Values.Select(r => r.Change)
            .Where(c => since is null || c.DetectedAt >= since)
            .OrderByDescending(c => c.DetectedAt)
            .Take(limit)]);
}

public sealed class InMemoryDeadLetterQueueForApi : IDeadLetterQueue
{
    private readonly ConcurrentDictionary<string, DeadLetter> _letters = new(StringComparer.Ordinal);

    public List<string> Replayed { get; } = [];

    public Dictionary<string, long> Active { get; } = new(StringComparer.Ordinal);

    public void Add(DeadLetter letter) => _letters[letter.Id] = letter;

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string? subscription, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>([.. _letters.Values.Where(l => subscription is null || l.Subscription == subscription).OrderBy(l => l.Id, StringComparer.Ordinal)]);

    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_letters.GetValueOrDefault(id));

    public Task<string?> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        if (!_letters.TryRemove(id, out var letter))
        {
            return Task.FromResult<string?>(null);
        }

        Replayed.Add(id);
        return Task.FromResult<string?>($"{letter.MessageId}:replay:1");
    }

    public Task<IReadOnlyList<QueueDepth>> GetDepthsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QueueDepth>>([.. Subscriptions.All.Select(s =>
            new QueueDepth(s, Active.GetValueOrDefault(s), _letters.Values.Count(l => l.Subscription == s)))]);
}

public sealed class InMemoryDeliveryLedgerForApi : IDeliveryLedger
{
    private readonly ConcurrentDictionary<string, DeliveryRecord> _records = new(StringComparer.Ordinal);

    public IReadOnlyCollection<DeliveryRecord> All => [.. _records.Values];

    public Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken) =>
        Task.FromResult(_records.Values.Any(r => r.AlertId == alertId && r.Channel == channel && r.Recipient == recipient && r.Outcome == DeliveryOutcome.Sent));

    public Task<DeliveryOutcome?> GetOutcomeAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken) =>
        Task.FromResult(_records.Values.Where(r => r.AlertId == alertId && r.Channel == channel && r.Recipient == recipient).OrderBy(r => r.At).Select(r => (DeliveryOutcome?)r.Outcome).LastOrDefault());

    public Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        _records[record.Key + ":" + record.At.UtcTicks] = record;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryStat>>([.. _records.Values
            .Where(r => r.At >= since)
            .GroupBy(r => (r.Channel, r.Outcome))
            .Select(g => new DeliveryStat(g.Key.Channel, g.Key.Outcome, g.LongCount()))]);

    /// <summary>The last row per (channel, recipient), as the real ledgers keep one.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alertId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryRecord>>([.. _records.Values
            .Where(r => r.AlertId == alertId)
            .GroupBy(r => r.Key)
            .Select(g => g.OrderBy(r => r.At).Last())
            .OrderBy(r => r.Channel.ToString(), StringComparer.Ordinal)
            .ThenBy(r => r.Recipient, StringComparer.Ordinal)]);
}

public sealed class FixedSourceHealthReaderForApi : ISourceHealthReader
{
    public List<SourceHealthSummary> Sources { get; } = [];

    public Task<IReadOnlyList<SourceHealthSummary>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SourceHealthSummary>>([.. Sources]);
}

public sealed class FixedSourceStatusReaderForApi : ISourceStatusReader
{
    public List<SourceStatus> Sources { get; } = [];

    public Task<IReadOnlyList<SourceStatus>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SourceStatus>>([.. Sources]);
}

public sealed class InMemoryApiKeyStoreForApi : IApiKeyStore
{
    private readonly ConcurrentDictionary<string, ApiKeyRecord> _byOwner = new(StringComparer.Ordinal);
    private const string AdminOwner = "*admin*";

    public IReadOnlyCollection<ApiKeyRecord> All => [.. _byOwner.Values];

    public Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        Task.FromResult(_byOwner.Values.FirstOrDefault(r => r.KeyHash == keyHash));

    public Task SetCompanyKeyAsync(string companyId, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        _byOwner[companyId] = new ApiKeyRecord(keyHash, companyId, createdAt);
        return Task.CompletedTask;
    }

    public Task DeleteCompanyKeysAsync(string companyId, CancellationToken cancellationToken)
    {
        _byOwner.TryRemove(companyId, out _);
        return Task.CompletedTask;
    }

    public Task<ApiKeyRecord?> GetAdminKeyAsync(CancellationToken cancellationToken) => Task.FromResult(_byOwner.GetValueOrDefault(AdminOwner));

    public Task SetAdminKeyAsync(string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        _byOwner[AdminOwner] = new ApiKeyRecord(keyHash, null, createdAt);
        return Task.CompletedTask;
    }
}

/// <summary>Answers host names from a table; unknown names do not resolve. No network.</summary>
public sealed class FakeHostResolverForApi : IHostResolver
{
    public Dictionary<string, IPAddress[]> Hosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public FakeHostResolverForApi Map(string host, params string[] addresses)
    {
        Hosts[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IPAddress>>(Hosts.TryGetValue(host, out var addresses) ? addresses : []);
}

/// <summary>Hands out <c>test-key-1</c>, <c>test-key-2</c>, … so tests know the keys in advance.</summary>
public sealed class SequentialApiKeyGeneratorForApi : IApiKeyGenerator
{
    private int _next;

    public string NewKey() => $"test-key-{Interlocked.Increment(ref _next)}";
}

/// <summary>One fixed measure for every date; null for a company the store does not hold (as the real service answers).</summary>
public sealed class FixedMeasureServiceForApi(ICompanyStore companies) : Alerts.Core.Measures.IMeasureService
{
    public IReadOnlyList<Alerts.Core.Measures.MeasureLine> Lines { get; set; } =
        [new("cn-mofcom:2024:46", "商务部公告2024年第46号", null, "关于加强相关两用物项对美国出口管制的公告", Alerts.Core.Measures.MeasureState.InForce, new DateOnly(2024, 12, 3), null, [])];

    public async Task<IReadOnlyList<Alerts.Core.Measures.MeasureLine>?> ListAsync(string? companyId, DateOnly at, CancellationToken cancellationToken) =>
        companyId is null || await companies.GetAsync(companyId, cancellationToken).ConfigureAwait(false) is not null ? Lines : null;
}
