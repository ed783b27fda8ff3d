using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Api;

/// <summary>Resolves a host name to its addresses. Injected so tests need no network.</summary>
public interface IHostResolver
{
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver (DNS, hosts file).</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
}

/// <summary>The verdict on one webhook URL; <see cref="Error"/> says why it was refused.</summary>
public sealed record WebhookUrlVerdict(bool IsAllowed, string? Error)
{
    public static WebhookUrlVerdict Allowed { get; } = new(true, null);

    public static WebhookUrlVerdict Refused(string error) => new(false, error);
}

/// <summary>
/// Keeps Teams webhooks from reaching anything but the public internet (SSRF): https only, and the host, or every
/// address it resolves to, must be public. Used when a webhook is saved, again at send time, and on every redirect
/// hop (<see cref="SafeWebhookRedirectHandler"/>).
/// <para>
/// There is deliberately no host allow-list: Microsoft moved Workflows webhooks from <c>*.logic.azure.com</c>
/// (e.g. <c>prod-NN.westeurope.logic.azure.com</c>, retired 2025-11-30) to
/// <c>&lt;env&gt;.environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…</c>, and the old
/// connector host <c>*.webhook.office.com</c> is gone (research/azure-notes.md §5; PostHog/posthog#41202,
/// swisscom/backman#89 where a host allow-list broke). A list would break again at the next move.
/// </para>
/// </summary>
public sealed class WebhookUrlValidator(IHostResolver resolver, IOptions<ApiOptions> options)
{
    public const int MaxUrlLength = 2048;

    /// <summary>Checks syntax and the addresses the host resolves to.</summary>
    public async Task<WebhookUrlVerdict> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return WebhookUrlVerdict.Refused("is required");
        }

        if (url.Length > MaxUrlLength)
        {
            return WebhookUrlVerdict.Refused($"is longer than {MaxUrlLength} characters");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return WebhookUrlVerdict.Refused("is not an absolute URL");
        }

        return await ValidateAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WebhookUrlVerdict> ValidateAsync(Uri uri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            return WebhookUrlVerdict.Refused("is not an absolute URL");
        }

        var loopbackAllowed = options.Value.AllowLoopbackWebhooks;
        if (uri.Scheme != Uri.UriSchemeHttps && !(loopbackAllowed && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return WebhookUrlVerdict.Refused("must use https");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return WebhookUrlVerdict.Refused("must not carry a user name or password");
        }

        var host = uri.IdnHost;
        if (string.IsNullOrEmpty(host))
        {
            return WebhookUrlVerdict.Refused("has no host");
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            var literal = IPAddress.Parse(uri.HostNameType == UriHostNameType.IPv6 ? host.Trim('[', ']') : host);
            return Check(literal, loopbackAllowed, host);
        }

        // RFC 6761: *.localhost is loopback whatever DNS says.
        if (!loopbackAllowed && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return WebhookUrlVerdict.Refused("must not point at this machine (localhost)");
        }

        IReadOnlyList<IPAddress> addresses;
        try
        {
            addresses = await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return WebhookUrlVerdict.Refused($"host '{host}' does not resolve");
        }

        if (addresses.Count == 0)
        {
            return WebhookUrlVerdict.Refused($"host '{host}' does not resolve");
        }

        return CheckAll(addresses, loopbackAllowed, host);
    }

    /// <summary>The first refusal among <paramref name="addresses"/>, else allowed.</summary>
    /// <remarks>Every address must be public: a name with one private answer could be steered there (DNS rebinding).</remarks>
    private static WebhookUrlVerdict CheckAll(IReadOnlyList<IPAddress> addresses, bool loopbackAllowed, string host)
    {
        foreach (var address in addresses)
        {
            var verdict = Check(address, loopbackAllowed, host);
            if (!verdict.IsAllowed)
            {
                return verdict;
            }
        }

        return WebhookUrlVerdict.Allowed;
    }

    private static WebhookUrlVerdict Check(IPAddress address, bool loopbackAllowed, string host)
    {
        if (loopbackAllowed && IPAddress.IsLoopback(address))
        {
            return WebhookUrlVerdict.Allowed;
        }

        var reason = NonPublicReason(address);
        return reason is null
            ? WebhookUrlVerdict.Allowed
            : WebhookUrlVerdict.Refused($"host '{host}' is not a public address ({address}: {reason})");
    }

    /// <summary>
    /// The primary handler for webhook clients: no automatic redirects (<see cref="SafeWebhookRedirectHandler"/> follows
    /// them), and a connect callback that resolves the host itself and connects only to an address that passes the same
    /// rules, so DNS cannot answer differently between the check and the connection (rebinding).
    /// </summary>
    public SocketsHttpHandler CreateSafeSocketsHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
            if (addresses.Count == 0)
            {
                throw new UnsafeWebhookUrlException($"Webhook refused: host '{host}' does not resolve.");
            }

            var verdict = CheckAll(addresses, options.Value.AllowLoopbackWebhooks, host);
            if (!verdict.IsAllowed)
            {
                throw new UnsafeWebhookUrlException($"Webhook refused at connect: {verdict.Error}.");
            }

            return await ConnectAsync(addresses[0], context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
        },
    };

    /// <summary>A TCP stream to an address that was already checked (the webhook and source connect callbacks share it).</summary>
    public static async ValueTask<System.IO.Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(address, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Why an address is not a public unicast internet address; null when it is.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return NonPublicIPv4(address.GetAddressBytes());
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        // Mapped (::ffff:a.b.c.d) and compatible (::a.b.c.d) forms reach IPv4 hosts on dual-stack sockets;
        // no public Workflows endpoint is published that way, so refuse them whatever they wrap.
        if (address.IsIPv4MappedToIPv6)
        {
            return "IPv4-mapped IPv6";
        }

        var b = address.GetAddressBytes();
        if (b.Take(12).All(x => x == 0))
        {
            return b.Skip(12).All(x => x == 0) ? "unspecified" : (b[15] == 1 && b.Skip(12).Take(3).All(x => x == 0) ? "loopback" : "IPv4-compatible IPv6");
        }

        if (b[0] == 0xff)
        {
            return "multicast";
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
        {
            return "link-local";
        }

        if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
        {
            return "site-local";
        }

        // fc00::/7 includes fd00:ec2::254, the AWS metadata service over IPv6.
        if ((b[0] & 0xfe) == 0xfc)
        {
            return "unique-local";
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
        {
            return "documentation";
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
        {
            return "Teredo";
        }

        if (b[0] == 0x01 && b.Skip(1).Take(7).All(x => x == 0))
        {
            return "discard-only";
        }

        // SIIT IPv4-translated addresses (::ffff:0:a.b.c.d, RFC 2765) reach IPv4 hosts through a translator, like the
        // mapped form above: refuse them whatever they wrap.
        if (b.Take(8).All(x => x == 0) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return "IPv4-translated IPv6 (SIIT, ::ffff:0:0:0/96)";
        }

        // Local-use NAT64 (64:ff9b:1::/48, RFC 8215) is not globally routable and may wrap any IPv4 address.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
        {
            return "local-use NAT64 (64:ff9b:1::/48)";
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address: judge that one.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
        {
            return NonPublicIPv4(b[12..16]) is { } nat64 ? "NAT64 of " + nat64 : null;
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return NonPublicIPv4(b[2..6]) is { } sixToFour ? "6to4 of " + sixToFour : null;
        }

        return null;
    }

    private static string? NonPublicIPv4(byte[] b) => b switch
    {
        [0, ..] => "this network (0.0.0.0/8)",
        [10, ..] => "private (10.0.0.0/8)",
        [100, >= 64 and <= 127, ..] => "carrier-grade NAT (100.64.0.0/10)",
        [127, ..] => "loopback",
        [169, 254, 169, 254] => "cloud metadata",
        [169, 254, ..] => "link-local",
        [172, >= 16 and <= 31, ..] => "private (172.16.0.0/12)",
        [192, 0, 0, _] => "IETF protocol assignments",
        [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => "documentation",
        [192, 88, 99, _] => "6to4 relay",
        [192, 168, ..] => "private (192.168.0.0/16)",
        [198, 18 or 19, ..] => "benchmarking",
        [>= 224 and <= 239, ..] => "multicast",
        [>= 240, ..] => "reserved or broadcast",
        _ => null,
    };
}

/// <summary>Thrown by <see cref="SafeWebhookRedirectHandler"/> when a request or one of its redirects is refused.</summary>
public sealed class UnsafeWebhookUrlException(string message) : HttpRequestException(message);

/// <summary>
/// Follows redirects itself, re-validating every hop with <see cref="WebhookUrlValidator"/>. A POST follows only
/// 307/308 (re-sent with its body); its 301/302/303 is returned unfollowed, never turned into a bodiless GET. The inner handler must
/// not follow redirects (<c>AllowAutoRedirect = false</c>), or hops would escape the check. The Teams sender adds it with
/// <c>AddHttpMessageHandler&lt;SafeWebhookRedirectHandler&gt;()</c> and
/// <c>ConfigurePrimaryHttpMessageHandler(sp =&gt; sp.GetRequiredService&lt;WebhookUrlValidator&gt;().CreateSafeSocketsHandler())</c>.
/// Messages never contain the URL (its <c>sig=</c> is a secret).
/// </summary>
public sealed class SafeWebhookRedirectHandler(WebhookUrlValidator validator) : DelegatingHandler
{
    public const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureAllowedAsync(request.RequestUri, 0, cancellationToken).ConfigureAwait(false);

        // Buffer the body once so 307/308 can send it again.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var contentHeaders = request.Content?.Headers.ToList() ?? [];
        var current = request;
        for (var hop = 0; ; hop++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308) || response.Headers.Location is null)
            {
                return response;
            }

            var target = response.Headers.Location.IsAbsoluteUri
                ? response.Headers.Location
                : new Uri(current.RequestUri!, response.Headers.Location);

            // 301/302/303 after anything but GET/HEAD would turn the POST into a bodiless GET: the card would be lost
            // while the GET "succeeded". Hand the redirect back unfollowed (the caller records it as a failure), unless
            // it points somewhere forbidden: that is refused as such, so the reason says SSRF.
            if (status is 301 or 302 or 303 && current.Method != HttpMethod.Get && current.Method != HttpMethod.Head)
            {
                try
                {
                    await EnsureAllowedAsync(target, hop + 1, cancellationToken).ConfigureAwait(false);
                }
                catch (UnsafeWebhookUrlException)
                {
                    response.Dispose();
                    throw;
                }

                return response;
            }

            if (hop >= MaxRedirects)
            {
                response.Dispose();
                throw new UnsafeWebhookUrlException($"Webhook refused: more than {MaxRedirects} redirects.");
            }

            response.Dispose();
            await EnsureAllowedAsync(target, hop + 1, cancellationToken).ConfigureAwait(false);

            // Only GET/HEAD reach here on 301/302/303 (303 after HEAD becomes GET); 307/308 keep the method and the body.
            var next = new HttpRequestMessage(status == 303 ? HttpMethod.Get : current.Method, target);
            foreach (var header in request.Headers)
            {
                if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    next.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (next.Method != HttpMethod.Get && body is not null)
            {
                next.Content = new ByteArrayContent(body);
                foreach (var header in contentHeaders)
                {
                    next.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            if (!ReferenceEquals(current, request))
            {
                current.Dispose();
            }

            current = next;
        }
    }

    private async Task EnsureAllowedAsync(Uri? uri, int hop, CancellationToken cancellationToken)
    {
        if (uri is null)
        {
            throw new UnsafeWebhookUrlException("Webhook refused: no URL.");
        }

        var verdict = await validator.ValidateAsync(uri, cancellationToken).ConfigureAwait(false);
        if (!verdict.IsAllowed)
        {
            var where = hop == 0 ? "the webhook URL" : $"redirect hop {hop}";
            // The verdict names the host (not the path or query, where the secret lives): that is safe to log.
            throw new UnsafeWebhookUrlException($"Webhook refused: {where} {verdict.Error ?? "is not allowed"}.");
        }
    }
}
