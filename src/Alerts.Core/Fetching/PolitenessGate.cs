using System.Collections.Concurrent;
using System.Net;

namespace Alerts.Core.Fetching;

/// <summary>
/// Spaces requests to the same host. MOFCOM collectors wait 3 s between requests and METI throttles after a short
/// burst (sources.md §1.1, §1.8). Time comes from the injected <see cref="TimeProvider"/> so tests can fake it.
/// </summary>
internal sealed class PolitenessGate(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitTurnAsync(Uri url, TimeSpan delay, CancellationToken cancellationToken)
    {
        // A fixture server on loopback is not somebody else's server: no politeness owed.
        if (delay <= TimeSpan.Zero || IsLoopback(url))
        {
            return;
        }

        var gate = _locks.GetOrAdd(url.Host, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_next.TryGetValue(url.Host, out var next) && next > now)
            {
                await Task.Delay(next - now, timeProvider, cancellationToken).ConfigureAwait(false);
            }

            _next[url.Host] = timeProvider.GetUtcNow() + delay;
        }
        finally
        {
            gate.Release();
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip));
}
