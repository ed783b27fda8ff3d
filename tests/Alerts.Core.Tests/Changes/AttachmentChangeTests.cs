using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Testing;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Changes;

/// <summary>An annex file replaced at the same link (same URL, other bytes) is an amendment of the notice.</summary>
public sealed class AttachmentChangeTests
{
    private static Notice WithAnnex(string? sha256) =>
        new NoticeBuilder().With(n => n with { Attachments = [new Attachment("附件：管控名单.pdf", "https://www.mofcom.gov.cn/accessory/list.pdf") { Sha256 = sha256 }] }).Build();

    [Fact]
    public void VersionOf_SameLinkOtherAnnexBytes_Differs()
    {
        ChangeDetector.VersionOf(WithAnnex("aa11")).ShouldNotBe(ChangeDetector.VersionOf(WithAnnex("bb22")));
    }

    [Fact]
    public void Summarize_SameLinkOtherAnnexBytes_SaysAttachmentReplacedWithItsTitle()
    {
        ChangeDetector.Summarize(WithAnnex("aa11"), WithAnnex("bb22")).ShouldBe(["attachment replaced: 附件：管控名单.pdf"]);
    }

    [Fact]
    public void StoredNotice_AnnexHashAndText_SurviveTheSnapshotJson()
    {
        var notice = WithAnnex("aa11") with { Attachments = [WithAnnex("aa11").Attachments[0] with { Text = "1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）" }] };

        var stored = System.Text.Json.JsonSerializer.Deserialize<Notice>(System.Text.Json.JsonSerializer.Serialize(notice, AlertsJson.Web), AlertsJson.Web)!;

        stored.Attachments.Single().ShouldBe(notice.Attachments.Single());
    }

    [Fact]
    public void Summarize_AnnexFetchedOnlyNow_IsNotAReplacement()
    {
        ChangeDetector.Summarize(WithAnnex(null), WithAnnex("bb22")).ShouldBeEmpty();
    }
}
