using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Fetching;

/// <summary>
/// Chooses the decoder for a body: Content-Type charset, then BOM, then a &lt;meta&gt; charset in the first bytes,
/// then UTF-8. Chinese legacy pages are GBK/GB2312/GB18030 (sources.md §0.3), Japanese legacy pages Shift_JIS/EUC-JP.
/// </summary>
internal static partial class Charsets
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        // The code-page encodings ship with .NET; they only need registering once per process.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Maps a charset label (with its common aliases) to an encoding, or null when unknown.</summary>
    public static Encoding? Resolve(string? label)
    {
        _ = Registered.Value;
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var normalised = label.Trim().Trim('"', '\'').ToLowerInvariant();
        int? codePage = normalised switch
        {
            "utf-8" or "utf8" => 65001,
            "gbk" or "gb2312" or "x-gbk" or "cp936" or "windows-936" or "gb_2312-80" => 936,
            "gb18030" => 54936,
            "shift_jis" or "shift-jis" or "sjis" or "x-sjis" or "windows-31j" or "ms932" or "cp932" or "ms_kanji" => 932,
            "euc-jp" or "x-euc-jp" or "eucjp" => 51932,
            "big5" => 950,
            _ => null,
        };
        if (codePage == 65001)
        {
            return Utf8;
        }

        try
        {
            return codePage is { } cp ? Encoding.GetEncoding(cp) : Encoding.GetEncoding(normalised);
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Decodes <paramref name="body"/>, returning the text and the charset name used.</summary>
    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> body, string? headerCharset)
    {
        _ = Registered.Value;
        if (Resolve(headerCharset) is { } fromHeader)
        {
            return (StripBom(fromHeader.GetString(body)), fromHeader.WebName);
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8.GetString(body[3..]), "utf-8");
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(body[2..]), "utf-16");
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(body[2..]), "utf-16BE");
        }

        var head = Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]);
        var meta = MetaCharset().Match(head);
        if (meta.Success && Resolve(meta.Groups[1].Value) is { } fromMeta)
        {
            return (fromMeta.GetString(body), fromMeta.WebName);
        }

        var xml = XmlEncoding().Match(head);
        if (xml.Success && Resolve(xml.Groups[1].Value) is { } fromXml)
        {
            return (fromXml.GetString(body), fromXml.WebName);
        }

        return (Utf8.GetString(body), "utf-8");
    }

    /// <summary>Share of U+FFFD in the text: a high share means the bytes were not in the charset we used.</summary>
    public static double ReplacementRatio(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        var count = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                count++;
            }
        }

        return (double)count / text.Length;
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex XmlEncoding();
}
