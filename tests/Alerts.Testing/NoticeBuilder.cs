using Alerts.Core.Notices;

namespace Alerts.Testing;

/// <summary>Builds notices for tests, defaulting to MOFCOM Announcement 2026 No.1 (dual-use export ban to Japan).</summary>
public sealed class NoticeBuilder
{
    private Notice _notice = new()
    {
        Key = "cn-mofcom:2026:1",
        SourceId = "cn-mofcom-announcements",
        Issuers = ["商务部"],
        Number = "商务部公告2026年第1号",
        Title = "商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告",
        Language = "zh-Hans",
        Urls = ["https://www.mofcom.gov.cn/zcfb/zgdwjjmywg/art/2026/art_5eb791b008284131855c37cc70d84e26.html"],
        Published = new DateOnly(2026, 1, 6),
        Effective = new DateOnly(2026, 1, 6),
        Measure = Measure.ExportBan,
        Destinations = ["JP"],
        Body = "禁止所有两用物项对日本军事用户、军事用途以及一切有助于提升日本军事实力的最终用户用途出口。本公告自公布之日起正式实施。",
    };

    public NoticeBuilder With(Func<Notice, Notice> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _notice = change(_notice);
        return this;
    }

    public NoticeBuilder WithKey(string key) => With(n => n with { Key = key });

    public NoticeBuilder WithTitle(string title) => With(n => n with { Title = title });

    public NoticeBuilder WithBody(string body) => With(n => n with { Body = body });

    public NoticeBuilder WithEffective(DateOnly? effective) => With(n => n with { Effective = effective });

    public NoticeBuilder WithEntities(params ListedEntity[] entities) => With(n => n with { Entities = entities, StatedEntityCount = entities.Length });

    public Notice Build() => _notice;
}
