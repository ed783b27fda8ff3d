using System.Reflection;
using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Functions.Polling;
using Alerts.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Functions.Tests.Polling;

public sealed class PollSourceFunctionsTests
{
    private readonly FakeNoticeSource _site = new("cn-mofcom-announcements");
    private readonly InMemorySnapshotStore _store = new();
    private readonly FakeLogger<PollSourceFunctions> _logger = new();

    private PollSourceFunctions Functions()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var polls = new PollService(new FakeSourceCatalog(_site), _store, new InMemoryChangeBus(clock), _site, clock, NullLogger<PollService>.Instance);
        return new PollSourceFunctions(polls, _logger);
    }

    [Fact]
    public async Task PollMofcomAnnouncements_Timer_PollsThatSourceAndStoresItsState()
    {
        _site.Publish(new NoticeBuilder().Build());

        await Functions().PollMofcomAnnouncements(new TimerInfo(), CancellationToken.None);

        (await _store.LoadAsync("cn-mofcom-announcements", CancellationToken.None))!.Notices.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_PastDue_LogsAWarning()
    {
        _site.Publish(new NoticeBuilder().Build());

        await Functions().PollMofcomAnnouncements(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        _logger.Collector.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("past due"));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsWithoutPolling()
    {
        await Should.ThrowAsync<OperationCanceledException>(() => Functions().PollMofcomAnnouncements(new TimerInfo(), new CancellationToken(canceled: true)));

        _site.Requests.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_UnhealthySource_LogsItsFailureClass()
    {
        _site.FailWith = FetchOutcome.Blocked;

        await Functions().PollMofcomAnnouncements(new TimerInfo(), CancellationToken.None);

        _logger.Collector.GetSnapshot().ShouldContain(r => r.Message.Contains("blocked"));
    }

    [Fact]
    public void Timers_EachSchedule_ComesFromItsSourcesAppSetting()
    {
        var triggers = typeof(PollSourceFunctions).GetMethods()
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(t => t is not null)))
            .Where(x => x.Function is not null)
            .ToList();

        // App Service drops "-" from setting names, so the ids are spelled with "_" there.
        triggers.ShouldAllBe(x => x.Trigger!.Schedule == $"%Sources__{x.Function!.Name.Substring(5).Replace('-', '_')}__Schedule%");
    }

    [Fact]
    public void Timers_AgainstTheSourceCatalog_OnePerSourceAndNoOther()
    {
        var timed = typeof(PollSourceFunctions).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Select(name => name.StartsWith("Poll-", StringComparison.Ordinal) ? name["Poll-".Length..] : "not a poll timer: " + name)
            .Order(StringComparer.Ordinal);

        // A source added to the catalog without its timer would never be polled in Azure.
        timed.ShouldBe(Alerts.Core.Sources.SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
