using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExcelDataReader;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Alerts.Core.Notices.Annexes;

/// <summary>What an annex gave: its text (one line per paragraph or table row), or why it gave none.</summary>
public sealed record AnnexText(string Text, string? Warning = null);

/// <summary>
/// Reads the text and tables of a notice's annex — MOFCOM puts entity lists and item/HS tables in PDF, DOCX, XLS and
/// XLSX attachments — one line per paragraph or table row, so <see cref="NoticeReader.WithAnnexes"/> reads them as it
/// reads the notice's own lines. PDF with PdfPig, DOCX with the Open XML SDK, XLS/XLSX with ExcelDataReader. Never
/// throws for a broken file: that is a warning, and the notice keeps the rest of what it says.
/// </summary>
public static partial class AnnexTextReader
{
    /// <summary>More text than this is not an annex a person wrote; the rest is cut with a warning (snapshots keep the text).</summary>
    public const int MaxChars = 200_000;

    private const int MaxPdfPages = 300;

    private static readonly Lazy<bool> CodePages = new(() =>
    {
        // ExcelDataReader needs the legacy code pages for BIFF (.xls) strings; .NET ships them unregistered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static AnnexText Read(byte[] bytes, string title, string url)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(url);
        var kind = KindOf(bytes, url);
        try
        {
            var lines = kind switch
            {
                AnnexKind.Pdf => ReadPdf(bytes),
                AnnexKind.Docx => ReadDocx(bytes),
                AnnexKind.Xlsx or AnnexKind.Xls => ReadWorkbook(bytes),
                _ => null,
            };
            if (lines is null)
            {
                // No served library reads the old binary Word format (.doc) or archives; say so rather than guess.
                return new AnnexText("", $"annex {Extension(kind, url)} not read: {title}");
            }

            var text = string.Join('\n', lines.Select(NoticeExtraction.CollapseWhitespace).Where(l => l.Length > 0));
            if (text.Length == 0)
            {
                // A scanned PDF (an image of the list) or an empty file: nothing to read, and the reader must say so.
                return new AnnexText("", $"annex has no text (a scanned image?): {title}");
            }

            return text.Length > MaxChars
                ? new AnnexText(text[..Math.Max(text.LastIndexOf('\n', MaxChars), 0)], $"annex text cut at {MaxChars} characters: {title}")
                : new AnnexText(text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return new AnnexText("", $"annex could not be read ({exception.GetType().Name}): {title}");
        }
    }

    /// <summary>
    /// A table row as the notice reader reads a line. A row that is an entity — (number, Chinese name, English name,
    /// address…) as MOFCOM's annex tables print them — becomes <c>n.名称（English）</c> with <c>地址：…</c> on the next
    /// line, the form the one entity reader (<see cref="NoticeExtraction.FindEntities"/>) understands; any other row is
    /// its cells joined with " | ", which keeps a cell such as <c>1.名称（English）</c> intact.
    /// </summary>
    public static IEnumerable<string> RowLines(IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var values = cells.Select(c => NoticeExtraction.CollapseWhitespace(c ?? "")).ToList();
        while (values.Count > 0 && values[^1].Length == 0)
        {
            values.RemoveAt(values.Count - 1);
        }

        if (values.Count == 0)
        {
            yield break;
        }

        if (values.Count >= 2 && RowNumber().Match(values[0]) is { Success: true } number)
        {
            var n = int.Parse(number.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (values.Count >= 3 && HasCjk(values[1]) && IsLatinName(values[2]))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{n}.{values[1]}（{values[2]}）");
                if (values.Count >= 4 && values[3].Length > 0)
                {
                    yield return "地址：" + values[3];
                }

                yield break;
            }

            if (HasCjk(values[1]) && values[1].Contains('（', StringComparison.Ordinal))
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{n}.{values[1]}");
                yield break;
            }
        }

        yield return string.Join(" | ", values.Where(v => v.Length > 0));
    }

    private static List<string> ReadPdf(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var lines = new List<string>();
        foreach (var page in document.GetPages().Take(MaxPdfPages))
        {
            lines.AddRange(ContentOrderTextExtractor.GetText(page).Split('\n'));
        }

        return lines;
    }

    private static List<string> ReadDocx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var body = document.MainDocumentPart?.Document?.Body;
        var lines = new List<string>();
        if (body is null)
        {
            return lines;
        }

        // Paragraphs and tables in document order; a table row is one line (RowLines), never one line per cell.
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    lines.Add(paragraph.InnerText);
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        lines.AddRange(RowLines([.. row.Elements<TableCell>().Select(CellText)]));
                    }

                    break;
            }
        }

        return lines;
    }

    /// <summary>A cell's paragraphs joined by a space: a name wrapped onto two lines in the cell is one name.</summary>
    private static string CellText(TableCell cell) => string.Join(' ', cell.Elements<Paragraph>().Select(p => p.InnerText));

    private static List<string> ReadWorkbook(byte[] bytes)
    {
        _ = CodePages.Value;
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var lines = new List<string>();
        do
        {
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                }

                lines.AddRange(RowLines(cells));
            }
        }
        while (reader.NextResult());
        return lines;
    }

    private enum AnnexKind
    {
        Unknown,
        Pdf,
        Docx,
        Xlsx,
        Xls,
        Doc,
    }

    /// <summary>By the bytes first (a site may serve a PDF from <c>download?id=…</c>), then by the URL's extension.</summary>
    private static AnnexKind KindOf(byte[] bytes, string url)
    {
        var extension = Path.GetExtension(new Uri(url, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : url).ToLowerInvariant();
        if (bytes.AsSpan().StartsWith("%PDF"u8))
        {
            return AnnexKind.Pdf;
        }

        if (bytes.AsSpan().StartsWith("PK"u8))
        {
            return ZipKind(bytes) ?? (extension == ".xlsx" ? AnnexKind.Xlsx : extension == ".docx" ? AnnexKind.Docx : AnnexKind.Unknown);
        }

        // An OLE compound file is either a BIFF workbook (.xls) or a Word 97 document (.doc); only the name tells.
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return extension == ".doc" ? AnnexKind.Doc : AnnexKind.Xls;
        }

        return extension switch
        {
            ".pdf" => AnnexKind.Pdf,
            ".docx" => AnnexKind.Docx,
            ".xlsx" => AnnexKind.Xlsx,
            ".xls" => AnnexKind.Xls,
            ".doc" => AnnexKind.Doc,
            _ => AnnexKind.Unknown,
        };
    }

    private static AnnexKind? ZipKind(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null ? AnnexKind.Docx
                : zip.GetEntry("xl/workbook.xml") is not null ? AnnexKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Extension(AnnexKind kind, string url) => kind switch
    {
        AnnexKind.Doc => ".doc",
        _ => Path.GetExtension(url) is { Length: > 0 } e ? e.ToLowerInvariant() : "file",
    };

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    /// <summary>An English name: mostly Latin letters, at least one word of two.</summary>
    private static bool IsLatinName(string text) =>
        text.Length >= 2 && text.Count(char.IsAsciiLetter) * 2 >= text.Count(c => !char.IsWhiteSpace(c)) && !HasCjk(text);

    [GeneratedRegex(@"^\s*([0-9]{1,4})\s*[.．、]?\s*$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex RowNumber();
}
