using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Delivery;

public sealed class DigestServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeAlertStore _alerts = new();
    private readonly FakeDigestCursorStore _cursors = new();
    private readonly FakeDeliveryLedger _ledger = new();
    private readonly RecordingEmailSender _email = new();
    private readonly DigestOptions _options = new() { TopItems = 100 };
    private readonly List<(string Email, DateTimeOffset At)> _sends = [];

    private DigestService Service(params Company[] companies)
    {
        var delivery = Options.Create(new DeliveryOptions());
        return new DigestService(new FakeCompanyStore(companies), _alerts, _cursors, _ledger, _email,
            new DigestRenderer(delivery, Options.Create(_options)), Options.Create(_options), _time, NullLogger<DigestService>.Instance);
    }

    private static Recipient Digest(string email, string zone, DigestCadence cadence = DigestCadence.Daily, int hour = 8) =>
        new() { Email = email, Role = RecipientRole.Digest, TimeZone = zone, Cadence = cadence, Hour = hour };

    /// <summary>Runs the hourly timer (at minute 5 past each UTC hour) for the given number of hours, recording sends.</summary>
    private async Task RunHourlyAsync(DigestService service, int hours)
    {
        _time.Advance(TimeSpan.FromMinutes(5));
        for (var i = 0; i < hours; i++)
        {
            var before = _email.Sent.Count;
            await service.RunAsync(CancellationToken.None);
            foreach (var message in _email.Sent.Skip(before))
            {
                _sends.Add((message.Recipients.Single(), _time.GetUtcNow()));
            }

            _time.Advance(TimeSpan.FromHours(1));
        }
    }

    [Theory]
    [InlineData("America/New_York")] // DST starts 2026-03-08
    [InlineData("Europe/Berlin")] // DST starts 2026-03-29
    [InlineData("Asia/Tokyo")] // no DST
    public async Task RunAsync_DailyAcrossMarch_SendsOncePerLocalDayAtTheLocalHour(string zone)
    {
        var service = Service(new CompanyBuilder().WithRecipients(Digest("exec@acme.example", zone)).Build());

        await RunHourlyAsync(service, 31 * 24);

        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = _sends.Select(s => TimeZoneInfo.ConvertTime(s.At, tz)).ToList();
        local.ShouldAllBe(t => t.Hour == 8);
        local.Select(t => DateOnly.FromDateTime(t.DateTime)).ShouldBe(local.Select(t => DateOnly.FromDateTime(t.DateTime)).Distinct());
        local.Count.ShouldBeInRange(30, 31);
    }

    [Fact]
    public async Task RunAsync_WeeklyRecipients_GetOneDigestEachMondayAtTheirHour()
    {
        var service = Service(new CompanyBuilder().WithRecipients(
            Digest("ny@acme.example", "America/New_York", DigestCadence.Weekly, 7),
            Digest("berlin@acme.example", "Europe/Berlin", DigestCadence.Weekly, 9),
            Digest("tokyo@acme.example", "Asia/Tokyo", DigestCadence.Weekly, 0)).Build());

        await RunHourlyAsync(service, 35 * 24);

        foreach (var (email, zone, hour) in new[] { ("ny@acme.example", "America/New_York", 7), ("berlin@acme.example", "Europe/Berlin", 9), ("tokyo@acme.example", "Asia/Tokyo", 0) })
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            var local = _sends.Where(s => s.Email == email).Select(s => TimeZoneInfo.ConvertTime(s.At, tz)).ToList();
            local.ShouldAllBe(t => t.DayOfWeek == DayOfWeek.Monday && t.Hour == hour);
            local.Count.ShouldBe(5);
        }
    }

    [Fact]
    public async Task RunAsync_LocalHourSkippedBySpringForward_StillSendsThatDay()
    {
        // 2026-03-08 02:00 does not exist in New York.
        var service = Service(new CompanyBuilder().WithRecipients(Digest("ny@acme.example", "America/New_York", hour: 2)).Build());
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero));

        await RunHourlyAsync(service, 48);

        var tz = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        _sends.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.At, tz).DateTime)).ShouldBe([new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9)]);
    }

    [Fact]
    public async Task RunAsync_AlertsOverSeveralPeriods_EachInExactlyOneDigest()
    {
        var company = new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "Europe/Berlin")).Build();
        var service = Service(company);
        var start = _time.GetUtcNow();
        for (var i = 0; i < 40; i++)
        {
            var alert = DeliveryAlerts.Sample(company.Id, createdAt: start.AddHours(i * 4.5), title: $"Notice-{i:00}") with { TitleGloss = null };
            _alerts.Alerts[alert.AlertId] = alert;
        }

        await RunHourlyAsync(service, 10 * 24);

        for (var i = 0; i < 40; i++)
        {
            _email.Sent.Count(m => m.Html.Contains($"Notice-{i:00}<")).ShouldBe(1, $"Notice-{i:00}");
        }
    }

    [Fact]
    public async Task RunAsync_RunTwiceInTheSameHour_SendsOnce()
    {
        var service = Service(new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build());
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 1, 0, TimeSpan.Zero));

        await service.RunAsync(CancellationToken.None);
        await service.RunAsync(CancellationToken.None);

        _email.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_EmptyPeriod_SendsOneLineNothingNew()
    {
        var service = Service(new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build());
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 1, 0, TimeSpan.Zero));

        await service.RunAsync(CancellationToken.None);

        _email.Sent.Single().Text.Trim().ShouldStartWith("Nothing new");
        _email.Sent.Single().Kind.ShouldBe(EmailKind.Digest);
    }

    [Fact]
    public async Task RunAsync_EmptyPeriodWithSettingOff_SendsNothingButMovesTheCursor()
    {
        _options.SendWhenEmpty = false;
        var service = Service(new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build());
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 1, 0, TimeSpan.Zero));

        await service.RunAsync(CancellationToken.None);

        _email.Sent.ShouldBeEmpty();
        _cursors.Cursors.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RunAsync_RetryableSend_TriesAgainNextHourSameDay()
    {
        var service = Service(new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build());
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 1, 0, TimeSpan.Zero));
        _email.Next = _ => new SendResult(SendStatus.Retryable, "HTTP 503");
        await service.RunAsync(CancellationToken.None);
        _email.Next = _ => SendResult.Ok;

        _time.Advance(TimeSpan.FromHours(1));
        var report = await service.RunAsync(CancellationToken.None);

        report.Sent.ShouldBe(1);
        _email.Sent.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_DigestContent_HasChartsTopItemsAndUpcomingDates()
    {
        var company = new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build();
        var service = Service(company);
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 8, 1, 0, TimeSpan.Zero));
        var soon = DeliveryAlerts.Sample(company.Id, createdAt: new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), title: "<script>x</script>") with
        {
            Effective = new DateOnly(2026, 3, 20),
        };
        _alerts.Alerts[soon.AlertId] = soon;

        await service.RunAsync(CancellationToken.None);

        var html = _email.Sent.Single().Html;
        html.ShouldContain("By severity");
        html.ShouldContain("By goods category");
        html.ShouldContain("bgcolor=");
        html.ShouldContain("2026-03-20");
        html.ShouldContain(soon.TitleGloss!);
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
    }

    [Fact]
    public async Task PreviewAsync_KnownCompany_RendersWithoutSendingOrMovingTheCursor()
    {
        var service = Service(new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build());

        var preview = await service.PreviewAsync("acme-trading", null, null, CancellationToken.None);

        preview.ShouldNotBeNull().Recipient.ShouldBe("exec@acme.example");
        _email.Sent.ShouldBeEmpty();
        _cursors.Cursors.ShouldBeEmpty();
    }

    [Fact]
    public async Task PreviewAsync_Period_CoversOnlyThatPeriodsAlerts()
    {
        var company = new CompanyBuilder().WithRecipients(Digest("exec@acme.example", "UTC")).Build();
        var service = Service(company);
        var january = DeliveryAlerts.Sample(company.Id, createdAt: new DateTimeOffset(2026, 1, 6, 12, 0, 0, TimeSpan.Zero), title: "January-notice") with { TitleGloss = null };
        var june = DeliveryAlerts.Sample(company.Id, createdAt: new DateTimeOffset(2026, 6, 29, 12, 0, 0, TimeSpan.Zero), title: "June-notice") with { TitleGloss = null };
        _alerts.Alerts[january.AlertId] = january;
        _alerts.Alerts[june.AlertId] = june;
        var period = new DigestPeriod(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var preview = await service.PreviewAsync(company.Id, null, period, CancellationToken.None);

        preview.ShouldNotBeNull().Email.Html.ShouldContain("January-notice<");
        preview.Email.Html.ShouldNotContain("June-notice<");
        preview.Since.ShouldBe(period.Since!.Value);
        preview.Until.ShouldBe(period.Until!.Value);
    }
}
