using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Alerts.Testing;

/// <summary>
/// Small annex files written in the test, with the libraries the reader uses: a PDF (PdfPig), a DOCX and an XLSX
/// (Open XML SDK). PdfPig writes only the standard 14 fonts without an embedded TrueType font, and the build machine has
/// no CJK font, so PDF lines are Latin only.
/// </summary>
public static class AnnexBuilder
{
    public static byte[] Pdf(params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        const int perPage = 40;
        for (var start = 0; start < Math.Max(lines.Length, 1); start += perPage)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 800.0;
            foreach (var line in lines.Skip(start).Take(perPage))
            {
                page.AddText(line, 10, new PdfPoint(40, y), font);
                y -= 18;
            }
        }

        return builder.Build();
    }

    /// <summary>A Word document: the paragraphs, then one table of <paramref name="rows"/>.</summary>
    public static byte[] Docx(IReadOnlyList<string> paragraphs, IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new W.Body();
            foreach (var text in paragraphs)
            {
                body.Append(new W.Paragraph(new W.Run(new W.Text(text))));
            }

            var table = new W.Table();
            foreach (var row in rows)
            {
                table.Append(new W.TableRow(row.Select(cell => new W.TableCell(new W.Paragraph(new W.Run(new W.Text(cell))))).ToArray<OpenXmlElement>()));
            }

            body.Append(table);
            document.AddMainDocumentPart().Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>A workbook with one sheet of <paramref name="rows"/> (shared strings, as Excel writes them).</summary>
    public static byte[] Xlsx(IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var text = rows[r][c];
                    if (!index.TryGetValue(text, out var id))
                    {
                        id = index.Count;
                        index[text] = id;
                        strings.SharedStringTable.Append(new SharedStringItem(new Text(text)));
                    }

                    row.Append(new Cell
                    {
                        CellReference = $"{(char)('A' + c)}{r + 1}",
                        DataType = CellValues.SharedString,
                        CellValue = new CellValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    });
                }

                sheetData.Append(row);
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(sheetData);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "附件" }));
        }

        return stream.ToArray();
    }
}
