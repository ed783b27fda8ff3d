using System.Net;
using System.Net.Sockets;
using Alerts.Core.Fetching;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Sources;

/// <summary>A source request, one of its redirects or its connection was refused by the SSRF guard; never retried.</summary>
public sealed class RefusedSourceRequestException(string message) : HttpRequestException(message);

/// <summary>
/// The SSRF guard of a source's HttpClient (issue 12: rows, JS redirects, iframes and HTTP redirects of a page led the
/// poller to any host, loopback and cloud metadata included). Two checks:
/// <list type="bullet">
/// <item><see cref="RedirectHandler"/> follows redirects itself and lets a request or a hop go only to the source's hosts
/// (<see cref="SourceUrls.IsAllowedHost"/>: the configured base URL's host, the official hosts, configured mirrors).</item>
/// <item><see cref="ConnectAsync"/> resolves the host and connects only when every address is public, with the webhook
/// client's address rules (<see cref="PublicAddresses.NonPublicReason"/>), so DNS cannot steer an allowed name to
/// a private address. The configured base URL's host and proxy are trusted as configured (a fixture server on
/// 127.0.0.1), and <see cref="SourceOptions.AllowNonPublicAddresses"/> lifts the check for tests.</item>
/// </list>
/// </summary>
internal sealed class SourceRequestGuard(SourceDescriptor descriptor, IOptionsMonitor<SourceOptions> options, IHostResolver resolver)
{
    public const int MaxRedirects = 5;

    private SourceOptions Settings => options.Get(descriptor.Id);

    private Uri BaseUrl => Settings.BaseUrl is { Length: > 0 } configured ? new Uri(configured) : new Uri(descriptor.DefaultBaseUrl);

    public DelegatingHandler RedirectHandler() => new Redirects(this);

    public void EnsureAllowed(Uri? url, int hop)
    {
        if (url is null || !SourceUrls.IsAllowedHost(url, BaseUrl, descriptor, [.. Settings.AllowedHosts]))
        {
            var where = hop == 0 ? "request to" : $"redirect hop {hop} to";
            throw new RefusedSourceRequestException($"refused: {where} {url?.Scheme}://{url?.Authority}, not a host of {descriptor.Id}");
        }
    }

    /// <summary>The primary handler's connect callback.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = Settings;
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var trusted = settings.AllowNonPublicAddresses
            || string.Equals(host, BaseUrl.IdnHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            || (settings.ProxyUrl is { Length: > 0 } proxy && string.Equals(host, new Uri(proxy).IdnHost, StringComparison.OrdinalIgnoreCase));
        IReadOnlyList<IPAddress> addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Count == 0)
        {
            throw new RefusedSourceRequestException($"refused: host '{host}' does not resolve");
        }

        if (!trusted)
        {
            foreach (var address in addresses)
            {
                if (PublicAddresses.NonPublicReason(address) is { } reason)
                {
                    throw new RefusedSourceRequestException($"refused at connect: host '{host}' is not a public address ({address}: {reason})");
                }
            }
        }

        return await PublicAddresses.ConnectAsync(addresses[0], context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether an exception (or one it wraps) is a refusal: a refusal is final, not a transient error.</summary>
    public static bool IsRefusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RefusedSourceRequestException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Follows redirects (the primary handler must not), checking every hop before it is sent.</summary>
    private sealed class Redirects(SourceRequestGuard guard) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            guard.EnsureAllowed(request.RequestUri, 0);
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var contentType = request.Content?.Headers.ContentType;
            var current = request;
            for (var hop = 0; ; hop++)
            {
                var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null)
                {
                    return response;
                }

                var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(current.RequestUri!, response.Headers.Location);
                response.Dispose();
                if (hop >= MaxRedirects)
                {
                    throw new RefusedSourceRequestException($"refused: more than {MaxRedirects} redirects");
                }

                guard.EnsureAllowed(target, hop + 1);

                // As browsers do: 303, and 301/302 after a POST, become a GET without a body; 307/308 keep both.
                var keep = status is 307 or 308 || current.Method == HttpMethod.Get || current.Method == HttpMethod.Head;
                var next = new HttpRequestMessage(keep && status != 303 ? current.Method : HttpMethod.Get, target);
                foreach (var header in request.Headers)
                {
                    next.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                if (next.Method != HttpMethod.Get && body is not null)
                {
                    next.Content = new ByteArrayContent(body);
                    next.Content.Headers.ContentType = contentType;
                }

                if (!ReferenceEquals(current, request))
                {
                    current.Dispose();
                }

                current = next;
            }
        }
    }
}
