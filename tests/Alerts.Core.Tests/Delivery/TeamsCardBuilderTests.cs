using System.Text;
using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Delivery;

public sealed class TeamsCardBuilderTests
{
    private static readonly TeamsCardBuilder Builder = new(Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com" }));

    private static JsonElement Card(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("attachments")[0].GetProperty("content");

    [Fact]
    public void Build_OneAlert_IsAnAdaptiveCard14WithFactsReasonsAndOpenUrls()
    {
        var alert = DeliveryAlerts.Sample();

        var json = Builder.Build("Acme", [alert]);

        var root = JsonDocument.Parse(json).RootElement;
        root.GetProperty("type").GetString().ShouldBe("message");
        root.GetProperty("attachments")[0].GetProperty("contentType").GetString().ShouldBe("application/vnd.microsoft.card.adaptive");
        var card = Card(json);
        card.GetProperty("version").GetString().ShouldBe("1.4");
        var container = card.GetProperty("body")[1];
        container.GetProperty("style").GetString().ShouldBe("attention");
        var items = container.GetProperty("items").EnumerateArray().ToList();
        items[0].GetProperty("text").GetString()!.ShouldContain(alert.TitleGloss!);
        items[1].GetProperty("text").GetString().ShouldBe(alert.Title);
        var facts = items.Single(i => i.GetProperty("type").GetString() == "FactSet").GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString());
        facts["Number"].ShouldBe("商务部公告2026年第1号");
        facts["Effective"].ShouldBe("2026-01-06");
        facts["Published"].ShouldBe("2026-01-06");
        facts["Measure"].ShouldBe("export-ban");
        facts["Goods"].ShouldBe("rare-earths");
        items.ShouldContain(i => i.GetProperty("type").GetString() == "TextBlock" && i.GetProperty("text").GetString()!.Contains("对日本出口管制"));
        var urls = items.Single(i => i.GetProperty("type").GetString() == "ActionSet").GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("type").GetString(), a.GetProperty("url").GetString())).ToList();
        urls.ShouldBe([("Action.OpenUrl", alert.Url), ("Action.OpenUrl", $"https://alerts.example.com/changes/{alert.ChangeId}")]);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public void Build_HostileTitle_IsEscapedInTheRawJsonAndIntactWhenParsed(string hostile)
    {
        var alert = DeliveryAlerts.Sample(title: hostile) with { TitleGloss = null };

        var json = Builder.Build("Acme", [alert]);

        json.ShouldNotContain("<script>");
        json.ShouldNotContain("<img");
        // Intact as Markdown-escaped text (issue 12, item 6): what Teams renders is the title as printed.
        Card(json).GetProperty("body")[1].GetProperty("items")[0].GetProperty("text").GetString()!.ShouldEndWith(TeamsCardBuilder.Md(hostile));
    }

    [Theory]
    [InlineData("[Sign in to keep receiving alerts](https://phish.example/login)")]
    [InlineData("**URGENT** <https://phish.example> _now_")]
    public void Build_TitleWithMarkdown_RendersNoLinkOrFormatting(string hostile)
    {
        var alert = DeliveryAlerts.Sample(title: hostile) with { TitleGloss = null };

        var text = Card(Builder.Build("Acme", [alert])).GetProperty("body")[1].GetProperty("items")[0].GetProperty("text").GetString()!;

        // Every character that opens a link, an autolink or emphasis is escaped; the words stay, as plain text.
        System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<!\\)[\[\]*_<>]").ShouldBeFalse(text);
        text.ShouldContain("phish.example");
    }

    // Issue 12 item 6 names snippets too: the operative snippet and the explanation are foreign text as well.
    [Fact]
    public void Build_SnippetAndExplanationWithMarkdown_RenderNoLinkOrFormatting()
    {
        const string hostile = "[Sign in to keep receiving alerts](https://phish.example/login) **now**";
        var alert = DeliveryAlerts.Sample() with { Explanation = hostile, Snippet = hostile };

        var texts = Card(Builder.Build("Acme", [alert])).GetProperty("body")[1].GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("type").GetString() == "TextBlock").Select(i => i.GetProperty("text").GetString()!)
            .Where(t => t.Contains("phish.example", StringComparison.Ordinal)).ToList();

        texts.Count.ShouldBe(2);
        texts.ShouldAllBe(t => !System.Text.RegularExpressions.Regex.IsMatch(t, @"(?<!\\)[\[\]*_<>]"));
    }

    [Fact]
    public void Md_LeadingListOrHeadingMarker_IsEscaped()
    {
        TeamsCardBuilder.Md("1. first").ShouldBe("1\\. first");
        TeamsCardBuilder.Md("# heading").ShouldBe("\\# heading");
        TeamsCardBuilder.Md("2026-01-06").ShouldBe("2026-01-06");
    }

    [Fact]
    public void Build_AlertWithExplanation_ShowsTheSentenceAndTheSnippet()
    {
        var alert = DeliveryAlerts.Sample() with { Explanation = "TDK Corporation, your counterparty, is added to China's Export Control Watch List.", Snippet = "TDK株式会社" };

        var items = Card(Builder.Build("Acme", [alert])).GetProperty("body")[1].GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("type").GetString() == "TextBlock").Select(i => i.GetProperty("text").GetString()!).ToList();

        items.ShouldContain(t => t.Contains("your counterparty, is added to China's Export Control Watch List", StringComparison.Ordinal));
        items.ShouldContain(t => t.Contains("TDK株式会社", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_HugeAlerts_StaysUnder28KilobytesAndSaysWhatWasLeftOut()
    {
        var longText = string.Concat(Enumerable.Repeat("两用物项出口管制", 400));
        var alerts = Enumerable.Range(1, 30).Select(i => DeliveryAlerts.Sample(title: $"{i} {longText}") with
        {
            Reasons = Enumerable.Range(1, 10).Select(r => new AlertReason(ReasonKind.Term, "稀土", longText)).ToList(),
        }).ToList();

        var json = Builder.Build("Acme", alerts);

        Encoding.UTF8.GetByteCount(json).ShouldBeLessThan(28 * 1024);
        json.ShouldContain("did not fit");
        json.ShouldContain("https://alerts.example.com/dashboard");
    }

    [Fact]
    public void Build_SeveralAlerts_MostSevereFirst()
    {
        var low = DeliveryAlerts.Sample(severity: Severity.Low, title: "low one");
        var critical = DeliveryAlerts.Sample(severity: Severity.Critical, title: "critical one");

        var json = Builder.Build("Acme", [low, critical]);

        var body = Card(json).GetProperty("body");
        body[1].GetProperty("items")[0].GetProperty("text").GetString()!.ShouldStartWith("NEW · CRITICAL");
        body[0].GetProperty("color").GetString().ShouldBe("Attention");
    }
}
