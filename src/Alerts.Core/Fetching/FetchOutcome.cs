using Alerts.Core.Common;

namespace Alerts.Core.Fetching;

/// <summary>
/// The failure class of one fetch or poll. Ops and the change detector tell "blocked", "layout changed" and "down"
/// apart with it; only <see cref="Ok"/> and <see cref="NotModified"/> count as healthy.
/// </summary>
public enum FetchOutcome
{
    Ok,
    NotModified,
    /// <summary>403, 412 cookie wall, WAF challenge, 202 with an empty body, a fake "page not found".</summary>
    Blocked,
    /// <summary>Zero items, or a required element missing.</summary>
    LayoutChanged,
    /// <summary>CJK came back as <c>?</c> (exportcontrol without XHR headers) or undecodable bytes.</summary>
    Mojibake,
    TooLarge,
    Timeout,
    ServerError,
    Connection,
    /// <summary>404 or 410: the page is gone. Only meaningful for detail pages (withdrawal evidence).</summary>
    Gone,
    /// <summary>Not fetched: the URL or a redirect leads off the source's hosts, or to a non-public address (SSRF guard).</summary>
    Refused,
}

public static class FetchOutcomeNames
{
    /// <summary>The outcome on the wire (<see cref="WireNames"/>): <c>not-modified</c>, <c>layout-changed</c>…</summary>
    public static string ToWire(this FetchOutcome outcome) => outcome.WireName();

    public static bool IsHealthy(this FetchOutcome outcome) => outcome is FetchOutcome.Ok or FetchOutcome.NotModified;
}
