using Alerts.Core.Notices;
using Alerts.Core.Sources.Adapters;

namespace Alerts.Core.Sources;

/// <summary>
/// Reads a saved page or text file (<c>alerts match --file</c>) the way the running system reads that source's detail
/// pages: an HTML file goes through the source's own detail parser, a text file (title on the first non-empty line, the
/// body on the rest) through <see cref="NoticeReader"/> with the source's id and language. No second reader.
/// </summary>
public static class SavedNoticeReader
{
    /// <summary>
    /// A saved file's text by the fetcher's charset rules (BOM, then a &lt;meta&gt; charset, else UTF-8), so a page saved
    /// from a GBK site reads as it did when it was polled.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Fetching.Charsets.Decode(bytes, headerCharset: null).Text;
    }

    /// <summary>True when <paramref name="path"/> names a plain text file rather than a saved page.</summary>
    public static bool IsText(string path) =>
        string.Equals(Path.GetExtension(path), ".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The source whose parser recognises the text when none is named: a Japanese text (kana) goes to the first
    /// Japanese source, a Chinese one to MOFCOM's announcements, anything else to an English source if there is one.
    /// </summary>
    public static INoticeSource? Recognise(ISourceCatalog catalog, string content)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(content);
        var language = HasKana(content) ? "ja" : HasCjk(content) ? "zh-Hans" : "en";
        return language == "zh-Hans" && catalog.Find(MofcomAnnouncementsSource.Id) is { } mofcom
            ? mofcom
            : catalog.All.FirstOrDefault(s => s.Descriptor.Language == language)
                ?? catalog.Find(MofcomAnnouncementsSource.Id)
                ?? (catalog.All.Count > 0 ? catalog.All[0] : null);
    }

    /// <summary>Reads <paramref name="content"/> saved at <paramref name="path"/> as <paramref name="source"/> would.</summary>
    public static Notice Read(string content, string path, INoticeSource source)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(source);
        var url = new Uri(Path.GetFullPath(path));
        return IsText(path) ? NoticeReader.Read(TextOf(content, url, source.Descriptor)) : source.ParseDetail(content, url);
    }

    /// <summary>A text file as the reader's input: title = first non-empty line, lines = the rest, whitespace collapsed.</summary>
    public static NoticeText TextOf(string content, Uri url, SourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return NoticeText.FromPlainText(descriptor.Id, content, url, descriptor.Language);
    }

    private static bool HasKana(string text) => text.Any(c => c is >= '\u3040' and <= '\u30FF');

    private static bool HasCjk(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}
