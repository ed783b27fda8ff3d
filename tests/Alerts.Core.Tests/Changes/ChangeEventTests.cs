using System.Text.Json;
using Alerts.Core.Changes;
using Alerts.Testing;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Changes;

public sealed class ChangeEventTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_SameNoticeAndVersion_SameChangeId()
    {
        var notice = new NoticeBuilder().Build();

        var first = ChangeEvent.From(notice, ChangeKind.Added, "v1", At);
        var retry = ChangeEvent.From(notice, ChangeKind.Added, "v1", At.AddMinutes(5));

        retry.ChangeId.ShouldBe(first.ChangeId);
    }

    [Fact]
    public void From_NewVersion_NewChangeId()
    {
        var notice = new NoticeBuilder().Build();

        ChangeEvent.From(notice, ChangeKind.Amended, "v2", At).ChangeId
            .ShouldNotBe(ChangeEvent.From(notice, ChangeKind.Amended, "v1", At).ChangeId);
    }

    [Fact]
    public void Serialize_UsesWireNamesAndIsoDates()
    {
        var change = ChangeEvent.From(new NoticeBuilder().Build(), ChangeKind.Added, "v1", At);

        var json = JsonSerializer.Serialize(change, AlertsJson.Web);

        json.ShouldContain("\"kind\":\"added\"");
        json.ShouldContain("\"measure\":\"export-ban\"");
        json.ShouldContain("\"published\":\"2026-01-06\"");
        json.ShouldContain("商务部公告2026年第1号");
    }

    [Fact]
    public void Deserialize_RoundTripsTheEvent()
    {
        var change = ChangeEvent.From(new NoticeBuilder().Build(), ChangeKind.Added, "v1", At);

        var back = JsonSerializer.Deserialize<ChangeEvent>(JsonSerializer.Serialize(change, AlertsJson.Web), AlertsJson.Web)!;

        back.ChangeId.ShouldBe(change.ChangeId);
        back.Destinations.ShouldBe(["JP"]);
        back.Effective.ShouldBe(new DateOnly(2026, 1, 6));
    }
}
