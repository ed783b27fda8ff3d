using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Goods;

/// <summary>A labelled notice: who must be alerted because watched goods/codes/counterparties are named, and who by a broad measure.</summary>
internal sealed record CorpusNotice(
    string Id,
    string Title,
    string Body,
    Measure Measure,
    string[] Destinations,
    DateOnly? Published,
    DateOnly? Effective,
    string[] NamedFor,
    string[] BroadFor)
{
    public ListedEntity[] Entities { get; init; } = [];

    /// <summary>
    /// Named goods or counterparties always; a broad measure only for companies it can concern (issue 16): the notice
    /// targets one of their countries (the Union for a member state), or it names no target country.
    /// </summary>
    public IEnumerable<string> Expected => NamedFor.Union(BroadFor.Where(id => Destinations.Length == 0
        || LabelledCorpus.Companies.Single(c => c.Id == id).Watch.Destinations.Any(d => Destinations.Contains(d) || (Destinations.Contains("EU") && d is "DE" or "FR"))));

    public Notice ToNotice() => new()
    {
        Key = "corpus:" + Id,
        SourceId = "corpus",
        Title = Title,
        Body = Body,
        Measure = Measure,
        Destinations = Destinations,
        Published = Published,
        Effective = Effective,
        Entities = Entities,
    };
}

/// <summary>
/// The real 2023–2026 measures of research/sources.md §2 as title + body snippets, Japanese reactions, reposts in
/// traditional Chinese and English, and irrelevant notices; with the alerts a compliance officer expects.
/// </summary>
internal static class LabelledCorpus
{
    private static readonly string[] None = [];
    private static readonly string[] AllDualUse = ["magnets-jp", "drones-jp", "battery-kr", "gage-us", "antimony-eu"];

    public static IReadOnlyList<Company> Companies { get; } =
    [
        Company("magnets-jp", ["rare-earths"], ["JP"], counterparties: [new Counterparty("TDK", ["TDK株式会社"])]),
        Company("drones-jp", ["drones"], ["JP"], counterparties: [new Counterparty("Terra Drone"), new Counterparty("ACSL", ["株式会社ACSL"])]),
        Company("battery-kr", ["battery-materials", "graphite", "lithium-batteries"], ["KR"]),
        Company("gage-us", ["gallium", "germanium"], ["US"]),
        Company("antimony-eu", ["antimony", "superhard-materials", "tungsten"], ["DE", "FR"]),
        Company("shipyard-jp", ["shipbuilding"], ["JP"], counterparties: [new Counterparty("Mitsubishi Heavy Industries", ["三菱重工业"])]),
    ];

    private static Company Company(string id, string[] categories, string[] destinations, Counterparty[]? counterparties = null) => new()
    {
        Id = id,
        Name = id,
        Watch = new WatchProfile { Categories = categories, Destinations = destinations, Counterparties = counterparties ?? [] },
    };

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static IReadOnlyList<CorpusNotice> Notices { get; } =
    [
        new("2023-23", "商务部 海关总署公告2023年第23号 关于对镓、锗相关物项实施出口管制的公告",
            "经国务院批准，决定对镓、锗相关物项实施出口管制。满足以下特性的物项，未经许可，不得出口：（一）镓相关物项：金属镓、氮化镓、氧化镓、磷化镓、砷化镓、铟镓砷、硒化镓、锑化镓。（二）锗相关物项：金属锗、区熔锗锭、磷锗锌、锗外延生长衬底、二氧化锗、四氯化锗。本公告自2023年8月1日起正式实施。",
            Measure.LicensingRequirement, [], D(2023, 7, 3), D(2023, 8, 1), ["gage-us"], None),
        new("2023-39", "商务部 海关总署公告2023年第39号 关于优化调整石墨物项临时出口管制措施的公告",
            "对高纯度、高强度、高密度的人造石墨材料及其制品（参考海关商品编号：3801100030、3801909010、6815190020）和天然鳞片石墨及其制品（包括球化石墨、膨胀石墨等）实施出口管制。本公告自2023年12月1日起正式实施。",
            Measure.LicensingRequirement, [], D(2023, 10, 20), D(2023, 12, 1), ["battery-kr"], None),
        new("2023-57", "商务部 科技部公告2023年第57号 关于公布《中国禁止出口限制出口技术目录》的公告",
            "将稀土的提炼、加工、利用技术，稀土萃取分离工艺技术，稀土金属及合金材料的生产技术，钐钴、钕铁硼、铈磁体制备技术列入禁止出口部分。",
            Measure.CatalogueChange, [], D(2023, 12, 21), D(2023, 12, 21), ["magnets-jp"], None),
        new("2024-21", "商务部 海关总署 中央军委装备发展部公告2024年第21号 关于对有关物项实施出口管制的公告",
            "对航空航天有关物项实施出口管制：钛合金、铝合金超塑成形/扩散连接工装及其专用软件，燃气涡轮发动机设备，航天服材料及相关技术。本公告自2024年7月1日起正式实施。",
            Measure.LicensingRequirement, [], D(2024, 5, 30), D(2024, 7, 1), None, None),
        new("2024-31", "商务部 海关总署 中央军委装备发展部公告2024年第31号 关于优化调整无人机出口管制措施的公告",
            "对无人机专用发动机（功率大于16千瓦）、红外成像设备、合成孔径雷达、目标指示激光器、惯性测量单元、无人机专用无线电通信设备、反无人机系统实施出口管制。参考海关商品编号：8407101010、8526109011、9014209014。本公告自2024年9月1日起正式实施。",
            Measure.LicensingRequirement, [], D(2024, 7, 31), D(2024, 9, 1), ["drones-jp"], None),
        new("2024-33", "商务部 海关总署公告2024年第33号 关于对锑等物项实施出口管制的公告",
            "对以下物项实施出口管制：（一）锑相关物项：锑矿及原料、金属锑及制品、氧化锑（纯度≥99.99%）、锑化铟；（二）超硬材料相关物项：六面顶压机、金刚石窗口、MPCVD设备。本公告自2024年9月15日起正式实施。",
            Measure.LicensingRequirement, [], D(2024, 8, 15), D(2024, 9, 15), ["antimony-eu"], None),
        new("2024-51", "商务部 工业和信息化部 海关总署 国家密码局公告2024年第51号 关于发布《中华人民共和国两用物项出口管制清单》的公告",
            "为贯彻实施《中华人民共和国两用物项出口管制条例》，制定了《中华人民共和国两用物项出口管制清单》，自2024年12月1日起正式实施。",
            Measure.CatalogueChange, [], D(2024, 11, 15), D(2024, 12, 1), None, AllDualUse),
        new("2024-46", "商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告",
            "一、禁止两用物项对美国军事用户或军事用途出口。二、原则上不予许可镓、锗、锑、超硬材料相关两用物项对美国出口；对石墨两用物项对美国出口，实施更严格的最终用户和最终用途审查。本公告自公布之日起实施。",
            Measure.ExportBan, ["US"], D(2024, 12, 3), D(2024, 12, 3), ["gage-us", "antimony-eu", "battery-kr"], AllDualUse),
        new("2025-1", "商务部公告2025年第1号 关于将28家美国实体列入出口管制管控名单的公告",
            "禁止出口经营者向上述28家美国实体出口两用物项；正在开展的相关出口活动应当立即停止。",
            Measure.ControlListAddition, ["US"], D(2025, 1, 2), D(2025, 1, 2), None, AllDualUse)
        {
            Entities = [new("通用动力公司", "General Dynamics Corporation"), new("洛克希德·马丁公司", "Lockheed Martin Corporation")],
        },
        new("2025-10", "商务部 海关总署公告2025年第10号 公布对钨、碲、铋、钼、铟相关物项实施出口管制的决定",
            "对以下物项实施出口管制：仲钨酸铵、氧化钨、碳化钨（1C117.c、1C117.d）；碲化镉、碲锌镉（6C002.a）；锗酸铋、三苯基铋（6C001）；钼粉（1C117.b）；磷化铟、三甲基铟（3C004）。本决定自公布之日起实施。",
            Measure.LicensingRequirement, [], D(2025, 2, 4), D(2025, 2, 4), ["antimony-eu"], None),
        new("2025-18", "商务部 海关总署公告2025年第18号 公布对部分中重稀土相关物项实施出口管制的决定",
            "对钐、钆、铽、镝、镥、钪、钇相关物项实施出口管制，包括金属、合金、靶材、氧化物、化合物以及钐钴永磁材料、含铽镝钕铁硼永磁材料（1C902.a、1C903、1C904）。参考海关商品编号2805301910。本决定自公布之日起正式实施。",
            Measure.LicensingRequirement, [], D(2025, 4, 4), D(2025, 4, 4), ["magnets-jp"], None),
        new("2025-55", "商务部 海关总署公告2025年第55号 关于对超硬材料相关物项实施出口管制的决定",
            "对金刚石微粉（粒度≤50微米）、金刚石单晶、金刚石线锯、砂轮、DCPCVD设备（2C902.a–d、2B005.b、2E902）实施出口管制。本决定自2025年11月8日起正式实施。",
            Measure.LicensingRequirement, [], D(2025, 10, 9), D(2025, 11, 8), ["antimony-eu"], None),
        new("2025-56", "商务部 海关总署公告2025年第56号 关于对部分稀土设备和原辅料相关物项实施出口管制的决定",
            "对稀土离心萃取设备、窑炉、电解槽、速凝炉、氢碎炉、气流磨等26类设备（2B902.a–z）以及稀土原辅料（1C914.a–c）实施出口管制。",
            Measure.LicensingRequirement, [], D(2025, 10, 9), D(2025, 11, 8), ["magnets-jp"], None),
        new("2025-57", "商务部 海关总署公告2025年第57号 关于对部分中重稀土相关物项实施出口管制的决定",
            "对钬（1C909）、铒（1C910）、铥（1C911）、铕（1C912）、镱（1C913）相关物项实施出口管制。",
            Measure.LicensingRequirement, [], D(2025, 10, 9), D(2025, 11, 8), ["magnets-jp"], None),
        new("2025-58", "商务部 海关总署公告2025年第58号 关于对锂电池和人造石墨负极材料相关物项实施出口管制的决定",
            "对能量密度≥300Wh/kg的锂离子电池（3A001）、电池生产设备（3B901.a）、磷酸铁锂正极材料（3C901.a.1）、三元前驱体（3C901.a.2）、富锂锰基正极材料（3C901.a.3）、人造石墨负极材料实施出口管制。参考海关商品编号85076000。",
            Measure.LicensingRequirement, [], D(2025, 10, 9), D(2025, 11, 8), ["battery-kr"], None),
        new("2025-61", "商务部公告2025年第61号 关于对境外相关稀土物项实施出口管制的决定",
            "境外制造的含有中国原产稀土且价值占比达到0.1%以上的物项，出口前须申领许可；用于14纳米及以下逻辑芯片或256层及以上存储芯片研发生产的，逐案审批。",
            Measure.LicensingRequirement, [], D(2025, 10, 9), D(2025, 12, 1), ["magnets-jp"], None),
        new("2025-62", "商务部公告2025年第62号 关于对稀土相关技术实施出口管制的决定",
            "对稀土开采、冶炼分离、金属冶炼、磁材制造、二次资源回收利用相关技术（1E902.a）及生产线装配、调试、维护、维修、升级技术（1E902.b）实施出口管制。",
            Measure.LicensingRequirement, [], D(2025, 10, 9), D(2025, 10, 9), ["magnets-jp"], None),
        new("2025-uel", "不可靠实体清单工作机制公告〔2025〕6号 关于将14家外国实体列入不可靠实体清单的公告",
            "将TechInsights Japan KK等14家外国实体列入不可靠实体清单，禁止其从事与中国有关的进出口活动。",
            Measure.UnreliableEntityAddition, [], D(2025, 10, 9), D(2025, 10, 9), None, AllDualUse),
        new("2025-70", "商务部 海关总署公告2025年第70号 关于暂停实施2025年第55号、56号、57号、58号公告的公告",
            "暂停实施超硬材料、稀土设备和原辅料、中重稀土、锂电池和人造石墨负极材料相关物项出口管制措施，至2026年11月10日。",
            Measure.Suspension, [], D(2025, 11, 7), D(2025, 11, 10), ["antimony-eu", "magnets-jp", "battery-kr"], None),
        new("2025-72", "商务部公告2025年第72号 关于暂停实施2024年第46号公告第二款的公告",
            "暂停实施商务部公告2024年第46号第二款关于镓、锗、锑、超硬材料相关两用物项对美国出口的规定，至2026年11月27日。",
            Measure.Suspension, ["US"], D(2025, 11, 9), D(2025, 11, 10), ["gage-us", "antimony-eu"], None),
        new("2026-1", "商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告",
            "禁止所有两用物项对日本军事用户、军事用途以及一切有助于提升日本军事实力的最终用户用途出口。任何国家和地区的组织和个人，违反上述规定，将原产于中华人民共和国的相关两用物项转移或提供给日本的组织和个人，将依法追究法律责任。本公告自公布之日起正式实施。",
            Measure.ExportBan, ["JP"], D(2026, 1, 6), D(2026, 1, 6), None, AllDualUse),
        new("2026-1-qa", "商务部新闻发言人就加强两用物项对日本出口管制答记者问",
            "问：商务部宣布加强两用物项对日本出口管制，请问出台这一措施的背景是什么？答：日本领导人近期公然发表涉台错误言论，此举完全正当、合理、合法。",
            Measure.Statement, ["JP"], D(2026, 1, 6), null, None, AllDualUse),
        new("2026-dcs", "商务部关于对原产于日本的进口二氯二氢硅进行反倾销立案调查的公告",
            "二氯二氢硅是芯片制造所需的关键化学品，国内产业申请对原产于日本的进口产品进行反倾销调查。",
            Measure.Other, ["JP"], D(2026, 1, 7), null, None, None),
        new("2026-catalogue", "2026年两用物项和技术进出口许可证管理目录",
            "附件：两用物项和技术进出口许可证管理目录（含海关商品编号与管制编码对应关系），自2026年1月1日起执行。",
            Measure.CatalogueChange, [], D(2025, 12, 31), D(2026, 1, 1), None, AllDualUse),
        new("2026-11", "商务部公告2026年第11号 关于将20家日本实体列入出口管制管控名单的公告",
            "根据《中华人民共和国出口管制法》，决定将以下20家日本实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。",
            Measure.ControlListAddition, ["JP"], D(2026, 2, 24), D(2026, 2, 24), ["shipyard-jp"], AllDualUse)
        {
            Entities =
            [
                new("三菱重工业株式会社造船公司", "Mitsubishi Heavy Industries Shipbuilding Co., Ltd."),
                new("川崎重工航空系统公司", "Kawasaki Aerospace Systems"),
                new("宇宙航空研究开发机构", "Japan Aerospace Exploration Agency"),
            ],
        },
        new("2026-12", "商务部公告2026年第12号 关于将20家日本实体列入关注名单的公告",
            "出口经营者向关注名单中的实体出口两用物项，应当提交风险评估报告和承诺书。",
            Measure.WatchListAddition, ["JP"], D(2026, 2, 24), D(2026, 2, 24), ["magnets-jp"], AllDualUse)
        {
            Entities = [new("ＴＤＫ株式会社", "TDK Corporation"), new("日东电工株式会社", "Nitto Denko Corporation"), new("株式会社SUBARU", "SUBARU CORPORATION")],
        },
        new("2026-20", "商务部公告2026年第20号 关于将7家欧盟实体列入出口管制管控名单的公告",
            "决定将FN Herstal等7家欧盟实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。",
            Measure.ControlListAddition, ["EU"], D(2026, 4, 24), D(2026, 4, 24), None, AllDualUse),
        new("2026-23", "商务部公告2026年第23号 关于将10家美国实体列入出口管制管控名单的公告",
            "决定将MP Materials、USA Rare Earth等10家美国实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。",
            Measure.ControlListAddition, ["US"], D(2026, 6, 22), D(2026, 6, 22), ["magnets-jp"], AllDualUse),
        new("2026-27", "商务部公告2026年第27号 关于将20家日本实体列入出口管制管控名单的公告",
            "决定将以下20家日本实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。",
            Measure.ControlListAddition, ["JP"], D(2026, 6, 29), D(2026, 6, 29), None, AllDualUse)
        {
            Entities = [new("三菱电机防卫宇宙株式会社", "MELCO Defense & Space"), new("三菱重工海洋机械株式会社", "MHI Oceanics Co., Ltd.")],
        },
        new("2026-28", "商务部公告2026年第28号 关于将20家日本实体列入关注名单的公告",
            "出口经营者向关注名单中的实体出口两用物项，应当提交风险评估报告。",
            Measure.WatchListAddition, ["JP"], D(2026, 6, 29), D(2026, 6, 29), ["drones-jp"], AllDualUse)
        {
            Entities =
            [
                new("Terra Drone株式会社", "Terra Drone Corporation"), new("株式会社ACSL", "ACSL Ltd."),
                new("三菱核燃料株式会社", "Mitsubishi Nuclear Fuel Co., Ltd."), new("三井E&S株式会社", "MITSUI E&S Co., Ltd."),
            ],
        },
        new("2026-helium", "商务部 海关总署关于对氦气实施临时出口禁止措施的公告",
            "自2026年7月15日起，临时禁止氦气（参考海关商品编号2804290010）出口。",
            Measure.ExportBan, [], D(2026, 7, 10), D(2026, 7, 15), None, None),
        new("2026-30", "商务部公告2026年第30号 关于将14家欧盟实体列入出口管制管控名单的公告",
            "决定将Lafert等14家欧盟实体列入出口管制管控名单，禁止出口经营者向上述实体出口两用物项。",
            Measure.ControlListAddition, ["EU"], D(2026, 7, 24), D(2026, 7, 24), None, AllDualUse),
        new("2026-order-2", "商务部令2026年第2号 关于对美国有关实体采取反制措施的决定",
            "对Applied DNA Sciences、Compliance Testing LLC等美国实体采取反制措施，禁止其从事与中国有关的进出口活动。",
            Measure.Other, ["US"], D(2026, 8, 5), D(2026, 8, 5), None, None),
        new("2026-minerals", "商务部开通战略矿产出口违法线索举报平台",
            "针对镓、锗、锑、石墨、稀土等战略矿产走私出口违法行为，开通举报渠道。",
            Measure.Other, [], D(2026, 6, 15), null, ["gage-us", "antimony-eu", "battery-kr", "magnets-jp"], None),
        new("meti-eul", "外国ユーザーリストの改正について",
            "経済産業省は、外国ユーザーリストを改正し、懸念顧客を追加しました。",
            Measure.Other, [], D(2025, 9, 29), null, None, None),
        new("mofa-protest", "中国による日本向け軍民両用品目の輸出規制強化について（外務報道官談話）",
            "1月6日、中国商務部は日本向けの軍民両用品目の輸出管理を強化する措置を発表した。日本政府は強く抗議した。",
            Measure.Statement, ["JP"], D(2026, 1, 7), null, None, AllDualUse),
        new("kantei-ccs", "令和8年1月7日 官房長官記者会見",
            "中国のデュアルユース品目の輸出禁止措置は決して許容できず、極めて遺憾である。",
            Measure.Statement, ["JP"], D(2026, 1, 7), null, None, AllDualUse),
        new("meti-rare-earth", "経済産業省 レアアース供給確保に関する対応について",
            "中国による希土類の輸出管理強化を受け、ネオジム磁石等の供給確保策を講じる。",
            Measure.Other, [], D(2026, 1, 9), null, ["magnets-jp"], None),
        new("repost-hant", "商務部公告：對鎵、鍺相關物項實施出口管制",
            "金屬鎵、氮化鎵、二氧化鍺等物項未經許可不得出口。",
            Measure.LicensingRequirement, [], D(2023, 7, 3), D(2023, 8, 1), ["gage-us"], None),
        new("en-gallium", "MOFCOM announces export controls on gallium and germanium items",
            "Exports of gallium nitride and germanium dioxide require a licence from August 1.",
            Measure.LicensingRequirement, [], D(2023, 7, 3), D(2023, 8, 1), ["gage-us"], None),
        new("en-drones", "China tightens export controls on drone parts",
            "Engines for UAVs, infrared imaging and counter-UAV systems require licences.",
            Measure.LicensingRequirement, [], D(2024, 7, 31), D(2024, 9, 1), ["drones-jp"], None),
        new("canton-fair", "商务部关于2026年春季广交会举办安排的通知",
            "第139届中国进出口商品交易会将于广州举行。", Measure.Other, [], D(2026, 3, 1), null, None, None),
        new("trade-in", "商务部召开全国消费品以旧换新工作推进会",
            "会议部署汽车、家电以旧换新工作。", Measure.Other, [], D(2026, 3, 2), null, None, None),
        new("pom-ad", "商务部关于对原产于美国的进口聚甲醛共聚物反倾销调查的终裁公告",
            "对原产于美国的进口聚甲醛共聚物征收反倾销税。", Measure.Other, ["US"], D(2026, 3, 3), null, None, None),
        new("meti-sme", "令和8年度 中小企業の海外展開支援事業の公募について",
            "中小企業の海外展開を支援するため、補助事業の公募を行います。", Measure.Other, [], D(2026, 3, 4), null, None, None),
        new("mofa-asean", "日・ASEAN外相会議の開催",
            "外務大臣は会議に出席し、地域情勢について意見交換を行った。", Measure.Other, [], D(2026, 3, 5), null, None, None),
        new("en-retail", "MOFCOM holds press conference on consumer spending",
            "Retail sales of organic food and organic chemicals rose; organizers expect stable growth.", Measure.Statement, [], D(2026, 3, 6), null, None, None),
        new("green-investment", "商务部关于印发《对外投资合作绿色发展工作指引》的通知",
            "引导企业在境外投资中注重环境保护。", Measure.Other, [], D(2026, 3, 7), null, None, None),
    ];
}
