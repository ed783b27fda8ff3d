using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Delivery;

/// <summary>Issue 15, item 1: new, amended and withdrawn notices are told as such on every channel.</summary>
public sealed class ChangeTellingTests
{
    private static readonly IOptions<DeliveryOptions> Delivery = Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com" });
    private static readonly AlertEmailRenderer Email = new(Delivery);
    private static readonly TeamsCardBuilder Cards = new(Delivery);
    private static readonly DigestRenderer Digest = new(Delivery, Options.Create(new DigestOptions()));

    private const string Body = "商务部决定将以下实体列入出口管制管控名单：\nTDK株式会社（TDK Corporation），地址：日本东京都中央区日本桥二丁目5番1号。\n本公告自2026年7月1日起正式实施。";

    private static readonly Notice Before = new NoticeBuilder()
        .WithBody(Body)
        .WithEffective(new DateOnly(2026, 7, 1))
        .WithEntities(new ListedEntity("TDK株式会社", "TDK Corporation"))
        .Build();

    private static readonly Notice After = Before with
    {
        Effective = new DateOnly(2026, 7, 15),
        Entities = [.. Before.Entities, new ListedEntity("豪华机械株式会社", "Howa Machinery")],
        Body = Body.Replace("2026年7月1日", "2026年7月15日", StringComparison.Ordinal) + "\n豪华机械株式会社（Howa Machinery），地址：日本爱知县清须市须之部町130番地。",
    };

    /// <summary>The same amendment without the moved date: it only adds Howa Machinery.</summary>
    private static readonly Notice AfterSameDate = After with { Effective = Before.Effective, Body = Body + "\n豪华机械株式会社（Howa Machinery），地址：日本爱知县清须市须之部町130番地。" };

    private static ChangeRecord Record(ChangeKind kind, Notice? after = null) => kind switch
    {
        ChangeKind.Amended => new ChangeRecord(ChangeEvent.From(after ?? After, kind, "v2", new DateTimeOffset(2026, 7, 2, 8, 0, 0, TimeSpan.Zero)), after ?? After, Before, null),
        ChangeKind.Withdrawn => new ChangeRecord(ChangeEvent.From(Before, kind, "v1", new DateTimeOffset(2026, 7, 3, 8, 0, 0, TimeSpan.Zero)), Before, Before, null),
        _ => new ChangeRecord(ChangeEvent.From(Before, kind, "v1", new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero)), Before, null, null),
    };

    private static Alert Told(ChangeKind kind, string counterparty = "Howa Machinery", string snippet = "豪华机械株式会社（Howa Machinery）", Notice? after = null)
    {
        var record = Record(kind, after);
        var alert = DeliveryAlerts.For(record.Change, "acme-trading", Severity.High, record.Change.DetectedAt) with
        {
            TitleGloss = "Export Control Control List additions",
            Reasons = [new AlertReason(ReasonKind.Counterparty, counterparty, snippet)],
        };
        return ChangeTelling.Tell(alert, record);
    }

    [Fact]
    public void EmailSubject_Added_StartsWithNew()
    {
        Email.Render(Told(ChangeKind.Added), "Acme").Subject.ShouldBe("NEW [HIGH] Export Control Control List additions");
    }

    [Fact]
    public void EmailSubject_Amended_SaysWhatChanged()
    {
        Email.Render(Told(ChangeKind.Amended), "Acme").Subject
            .ShouldBe("AMENDED [HIGH] Export Control Control List additions: effective date 2026-07-01 → 2026-07-15; +1 entity (Howa Machinery)");
    }

    [Fact]
    public void EmailSubject_Withdrawn_SaysWhenThePageWasRemoved()
    {
        Email.Render(Told(ChangeKind.Withdrawn), "Acme").Subject
            .ShouldBe("WITHDRAWN [HIGH] Export Control Control List additions (page removed on 2026-07-03; last copy kept)");
    }

    [Theory]
    [InlineData(ChangeKind.Amended)]
    [InlineData(ChangeKind.Withdrawn)]
    public void EmailBody_AmendedOrWithdrawn_LinksTheDiffAndTheStoredCopy(ChangeKind kind)
    {
        var alert = Told(kind);

        var email = Email.Render(alert, "Acme");

        foreach (var part in new[] { email.Html, email.Text })
        {
            part.ShouldContain($"https://alerts.example.com/changes/{alert.ChangeId}");
            part.ShouldContain($"https://alerts.example.com/changes/{alert.ChangeId}#copy");
        }
    }

    [Fact]
    public void EmailBody_Withdrawn_DoesNotLinkTheRemovedOriginal()
    {
        var alert = Told(ChangeKind.Withdrawn);

        var email = Email.Render(alert, "Acme");

        email.Html.ShouldNotContain(alert.Url!);
        email.Text.ShouldNotContain(alert.Url!);
        email.Text.ShouldContain("Withdrawn (page removed on 2026-07-03; last copy kept)");
    }

    [Theory]
    [InlineData(ChangeKind.Added, "NEW · HIGH · ")]
    [InlineData(ChangeKind.Amended, "AMENDED · HIGH · ")]
    [InlineData(ChangeKind.Withdrawn, "WITHDRAWN · HIGH · ")]
    public void TeamsCard_EachKind_HeadsTheAlertWithIt(ChangeKind kind, string heading)
    {
        var items = CardItems(Told(kind));

        items[0].GetProperty("text").GetString()!.ShouldStartWith(heading);
    }

    [Fact]
    public void TeamsCard_Withdrawn_SaysSoAndOpensTheDiffAndStoredCopyNotTheOriginal()
    {
        var alert = Told(ChangeKind.Withdrawn);

        var items = CardItems(alert);

        items.ShouldContain(i => i.GetProperty("type").GetString() == "TextBlock" && i.GetProperty("text").GetString() == "Withdrawn (page removed on 2026-07-03; last copy kept)");
        items.Single(i => i.GetProperty("type").GetString() == "ActionSet").GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("title").GetString(), a.GetProperty("url").GetString()))
            .ShouldBe([("What changed", $"https://alerts.example.com/changes/{alert.ChangeId}"), ("Stored copy", $"https://alerts.example.com/changes/{alert.ChangeId}#copy")]);
    }

    [Fact]
    public void DigestLine_Amended_SaysAmendedAndWhatChanged()
    {
        var alert = Told(ChangeKind.Amended);

        var digest = Digest.Render("Acme", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 2), [alert], []);

        digest.Text.ShouldContain("- AMENDED [high] Export Control Control List additions: effective date 2026-07-01 → 2026-07-15; +1 entity (Howa Machinery)");
        digest.Html.ShouldContain("AMENDED Export Control Control List additions</a>: effective date 2026-07-01 → 2026-07-15; +1 entity (Howa Machinery)");
    }

    [Theory]
    [InlineData(ChangeKind.Added, "- NEW [high] Export Control Control List additions")]
    [InlineData(ChangeKind.Withdrawn, "- WITHDRAWN [high] Export Control Control List additions (page removed on 2026-07-03; last copy kept)")]
    public void DigestLine_NewOrWithdrawn_SaysSo(ChangeKind kind, string line)
    {
        Digest.Render("Acme", new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 3), [Told(kind)], []).Text.ShouldContain(line);
    }

    [Fact]
    public void WhatChanged_OnlyTheTextChanged_SaysTextChanged()
    {
        ChangeTelling.WhatChanged(Before, Before with { Body = Before.Body + "。" }).ShouldBe(["text changed"]);
    }

    [Fact]
    public void WhatChanged_CodesRemovedAndAdded_NamesThem()
    {
        ChangeTelling.WhatChanged(Before with { ControlCodes = ["1C999"] }, Before with { ControlCodes = ["3A001"], HsCodes = ["2805301000"] })
            .ShouldBe(["+1 control code (3A001)", "-1 control code (1C999)", "+1 HS code (2805301000)"]);
    }

    [Fact]
    public void Tell_AmendmentAddingTheWatchedCounterparty_TouchesIt()
    {
        Told(ChangeKind.Amended).TouchesWatch.ShouldBeTrue();
    }

    [Fact]
    public void Tell_AmendmentLeavingTheWatchedCounterpartyAndItsTextAlone_DoesNotTouchIt()
    {
        var alert = Told(ChangeKind.Amended, "TDK Corporation", "TDK株式会社（TDK Corporation），地址：日本东京都中央区日本桥", AfterSameDate);

        alert.TouchesWatch.ShouldBeFalse();
        ChangeTelling.IsPushed(alert).ShouldBeFalse();
    }

    [Fact]
    public void Tell_AmendmentMovingTheEffectiveDate_TouchesEveryMatchedCompany()
    {
        var alert = Told(ChangeKind.Amended, "TDK Corporation", "TDK株式会社（TDK Corporation），地址：日本东京都中央区日本桥");

        alert.TouchesWatch.ShouldBeTrue();
        ChangeTelling.IsPushed(alert).ShouldBeTrue();
    }

    [Fact]
    public void Tell_AmendmentChangingTheTextAroundTheWatchedMatch_TouchesIt()
    {
        var alert = Told(ChangeKind.Amended, "TDK Corporation", "TDK株式会社（TDK Corporation），地址：日本东京都港区");

        alert.TouchesWatch.ShouldBeTrue();
    }

    [Fact]
    public void AlertJson_Amended_CarriesKindAndWhatChanged()
    {
        var json = JsonSerializer.SerializeToElement(Told(ChangeKind.Amended), AlertsJson.Web);

        json.GetProperty("kind").GetString().ShouldBe("amended");
        json.GetProperty("whatChanged").EnumerateArray().Select(e => e.GetString()).ShouldBe(["effective date 2026-07-01 → 2026-07-15", "+1 entity (Howa Machinery)"]);
    }

    private static List<JsonElement> CardItems(Alert alert) =>
        JsonDocument.Parse(Cards.Build("Acme", [alert])).RootElement.GetProperty("attachments")[0].GetProperty("content")
            .GetProperty("body")[1].GetProperty("items").EnumerateArray().ToList();
}
