using System.Net;

namespace Alerts.Core.Common;

/// <summary>
/// Text shown to people, shared by the e-mail, digest, Teams and dashboard renderers and the API's problem messages, so
/// escaping and link vetting are done one way everywhere.
/// </summary>
internal static class DisplayText
{
    /// <summary>HTML-encodes <paramref name="value"/> (null as empty).</summary>
    public static string H(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>Only absolute http(s) URLs become links: a <c>javascript:</c> URL from a hostile page stays text-free.</summary>
    public static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, then an ellipsis when it was longer.</summary>
    public static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
