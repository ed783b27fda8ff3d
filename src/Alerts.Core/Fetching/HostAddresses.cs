using System.Net;
using System.Net.Sockets;

namespace Alerts.Core.Fetching;

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

/// <summary>The address rules every outbound request shares: a source's connect guard and the webhook validator.</summary>
public static class PublicAddresses
{
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
