using System.Net;
using System.Text;

namespace Alerts.Testing;

/// <summary>
/// The minimal MOFCOM detail page around a text (title on the first non-empty line, the body on the rest): the title in
/// the page's &lt;title&gt;, each body line a &lt;p&gt; inside <c>div.art-con</c>, which is where the MOFCOM 2024+ layout
/// keeps the article. Lets a test serve a corpus text to the poll pipeline exactly as <c>alerts match --file</c> reads it.
/// </summary>
public static class MofcomDetailPage
{
    public static string Wrap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(lines.Count > 0 ? lines[0] : ""))
            .Append("</title></head><body><div class=\"art-con art-con-bottonmLine\">");
        foreach (var line in lines.Skip(1))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        return html.Append("</div></body></html>").ToString();
    }
}
