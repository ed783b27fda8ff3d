using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Testing;

namespace Alerts.Core.Tests.Changes;

public sealed class ChangeDetectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Summarize_NewEntitiesAndReplacedAttachment_SaysSoInWords()
    {
        var before = new NoticeBuilder().With(n => n with { Attachments = [new Attachment("附件", "https://x/a1.pdf")] }).Build();
        var after = new NoticeBuilder()
            .WithEntities(new ListedEntity("甲"), new ListedEntity("乙"), new ListedEntity("丙", "C Co."))
            .With(n => n with { Attachments = [new Attachment("附件", "https://x/a2.pdf")] })
            .Build();

        var summary = ChangeDetector.Summarize(before, after);

        summary.ShouldContain("+3 entities: 甲, 乙, 丙 (C Co.)");
        summary.ShouldContain("attachment replaced");
    }

    [Fact]
    public void SequenceGaps_MissingNumbers_AreListed()
    {
        var gaps = ChangeDetector.SequenceGaps(["cn-mofcom:2026:24", "cn-mofcom:2026:27", "https://x/y.html"]);

        gaps.ShouldBe(["2026 No.25 not seen yet", "2026 No.26 not seen yet"]);
    }

    [Fact]
    public async Task DetectAsync_TwoMirrorsWithDifferentTexts_ReportsMirrorConflict()
    {
        var a = new NoticeBuilder().With(n => n with { Urls = ["https://a/1.html"] }).Build();
        var b = new NoticeBuilder().With(n => n with { Urls = ["https://b/1.html"] }).WithBody("另一个文本").Build();
        var result = new SourcePollResult(a.SourceId, FetchOutcome.Ok)
        {
            Items = [new ListingItem("https://a/1.html", a.Title, null), new ListingItem("https://b/1.html", b.Title, null)],
            Notices = [a, b],
        };

        var detection = await ChangeDetector.DetectAsync(new SourceSnapshot(a.SourceId) { Baselined = true }, result, true, Now, (_, _) => Task.FromResult(false), CancellationToken.None);

        detection.Changes.Select(c => c.Change.Kind).ShouldContain(ChangeKind.MirrorConflict);
    }

    [Fact]
    public void VersionOf_SameContentOtherUrl_IsEqual()
    {
        var a = new NoticeBuilder().Build();
        var b = a with { Urls = ["https://mirror/1.html"] };

        ChangeDetector.VersionOf(a).ShouldBe(ChangeDetector.VersionOf(b));
    }
}
