using System.Net;
using System.Net.Sockets;
using Alerts.Core.Fetching;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Api;

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

        var reason = PublicAddresses.NonPublicReason(address);
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

            return await PublicAddresses.ConnectAsync(addresses[0], context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
        },
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
