namespace Alerts.Core.Sources;

/// <summary>
/// Maps links onto the origin a source is polled from. With a base-URL override (a fixture server, a mirror) the real
/// paths are kept under the given origin, and absolute links to the source's official hosts move there too.
/// </summary>
public static class SourceUrls
{
    /// <summary>Resolves <paramref name="href"/> against <paramref name="page"/>; null for javascript:, mailto:, fragments.</summary>
    public static Uri? Resolve(string? href, Uri page, Uri baseUrl, SourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(descriptor);
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var trimmed = href.Trim();
        if (trimmed.StartsWith('#') || trimmed.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(page, trimmed, out var absolute) || (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        return MapToOrigin(absolute, baseUrl, descriptor);
    }

    /// <summary>Moves an absolute URL on an official host of the source onto the base URL's origin.</summary>
    public static Uri MapToOrigin(Uri absolute, Uri baseUrl, SourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(absolute);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(descriptor);
        if (string.Equals(absolute.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return absolute;
        }

        if (!IsOfficial(absolute.Host, descriptor))
        {
            return absolute;
        }

        var builder = new UriBuilder(absolute) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port };
        return builder.Uri;
    }

    /// <summary>A path (with query) under the base URL's origin.</summary>
    public static Uri Under(Uri baseUrl, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        return new Uri(new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + "/"), pathAndQuery.TrimStart('/'));
    }

    /// <summary>
    /// Whether a source may fetch <paramref name="url"/> (the SSRF guard of issue 12): http(s) to the polled origin's
    /// host, the source's official hosts or a configured mirror. What a page's content points at (rows, JS redirects,
    /// iframes, HTTP redirects) is checked with it on every hop; the configured base URL itself is trusted, loopback too.
    /// </summary>
    public static bool IsAllowedHost(Uri url, Uri baseUrl, SourceDescriptor descriptor, IReadOnlyList<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        return string.Equals(url.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            || IsOfficial(url.IdnHost, descriptor)
            || allowedHosts.Any(h => string.Equals(h.Trim(), url.IdnHost, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsOfficial(string host, SourceDescriptor descriptor)
    {
        if (Uri.TryCreate(descriptor.DefaultBaseUrl, UriKind.Absolute, out var official)
            && string.Equals(official.Host, host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return descriptor.OfficialHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
    }
}
