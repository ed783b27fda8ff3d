using System.Text;
using Alerts.Core.Notices;
using Alerts.Core.Notices.Annexes;
using Alerts.Testing;

namespace Alerts.Core.Tests.Notices;

public sealed class AnnexTextReaderTests
{
    private static readonly string[][] EntityTable =
    [
        ["序号", "中文名称", "英文名称", "地址"],
        ["1", "三菱造船株式会社", "Mitsubishi Heavy Industries Shipbuilding Co., Ltd.", "日本神奈川县横滨市"],
        ["2", "川崎重工业株式会社", "Kawasaki Heavy Industries, Ltd.", "日本东京都港区"],
        ["3", "富士通株式会社", "Fujitsu Limited", "日本神奈川县川崎市"],
    ];

    [Fact]
    public void Read_Pdf_GivesOneLinePerPrintedLine()
    {
        var pdf = AnnexBuilder.Pdf("Annex", "1. Mitsubishi Zosen (Mitsubishi Heavy Industries Shipbuilding Co., Ltd.)", "2. Kawasaki Jukogyo (Kawasaki Heavy Industries, Ltd.)");

        var read = AnnexTextReader.Read(pdf, "附件.pdf", "http://127.0.0.1/a.pdf");

        read.Warning.ShouldBeNull();
        read.Text.Split('\n').ShouldBe(["Annex", "1. Mitsubishi Zosen (Mitsubishi Heavy Industries Shipbuilding Co., Ltd.)", "2. Kawasaki Jukogyo (Kawasaki Heavy Industries, Ltd.)"]);
    }

    [Fact]
    public void Read_XlsxEntityTable_EmitsNumberedEntityLinesWithAddresses()
    {
        var read = AnnexTextReader.Read(AnnexBuilder.Xlsx(EntityTable), "名单.xlsx", "http://127.0.0.1/a.xlsx");

        read.Text.Split('\n').ShouldBe(
        [
            "序号 | 中文名称 | 英文名称 | 地址",
            "1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）",
            "地址：日本神奈川县横滨市",
            "2.川崎重工业株式会社（Kawasaki Heavy Industries, Ltd.）",
            "地址：日本东京都港区",
            "3.富士通株式会社（Fujitsu Limited）",
            "地址：日本神奈川县川崎市",
        ]);
    }

    [Fact]
    public void Read_DocxParagraphsAndTable_KeepsDocumentOrder()
    {
        var docx = AnnexBuilder.Docx(["附件", "出口管制管控名单"], EntityTable[1..]);

        var read = AnnexTextReader.Read(docx, "名单.docx", "http://127.0.0.1/a.docx");

        var lines = read.Text.Split('\n');
        lines[..3].ShouldBe(["附件", "出口管制管控名单", "1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）"]);
        NoticeExtraction.FindEntities(lines).Select(e => e.NameEn).ShouldBe(["Mitsubishi Heavy Industries Shipbuilding Co., Ltd.", "Kawasaki Heavy Industries, Ltd.", "Fujitsu Limited"]);
    }

    [Fact]
    public void Read_CorruptPdf_IsAWarningNotAnException()
    {
        var read = AnnexTextReader.Read(Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not a PDF body"), "附件.pdf", "http://127.0.0.1/a.pdf");

        read.Text.ShouldBeEmpty();
        read.Warning!.ShouldContain("附件.pdf");
    }

    [Fact]
    public void Read_OldBinaryWordDocument_WarnsThatItWasNotRead()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var read = AnnexTextReader.Read(ole, "附件.doc", "http://127.0.0.1/files/a.doc");

        read.Warning.ShouldBe("annex .doc not read: 附件.doc");
    }

    [Fact]
    public void RowLines_CellAlreadyInEntityForm_IsKeptIntact()
    {
        AnnexTextReader.RowLines(["1", "三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）"])
            .ShouldBe(["1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）"]);
    }

    [Fact]
    public void RowLines_ItemTableRow_JoinsCellsWithABar()
    {
        AnnexTextReader.RowLines(["1", "金属镓", "8112921010", ""]).ShouldBe(["1 | 金属镓 | 8112921010"]);
    }
}
