using Alerts.Core.Api;
using Alerts.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Api;

public sealed class WebhookUrlValidatorTests
{
    private static WebhookUrlValidator Create(bool allowLoopback = false)
    {
        var resolver = new FakeHostResolverForApi()
            .Map("prod-00.westeurope.logic.azure.com", "20.50.2.10")
            .Map("default0123.12.environment.api.powerplatform.com", "52.109.1.7", "2603:1030:20e:3::2b")
            .Map("rebind.example", "52.109.1.7", "10.0.0.5")
            .Map("metadata.example", "169.254.169.254")
            .Map("v6meta.example", "fd00:ec2::254")
            .Map("mapped.example", "::ffff:127.0.0.1")
            .Map("cgnat.example", "100.100.100.100")
            .Map("localhost", "127.0.0.1");
        return new WebhookUrlValidator(resolver, Options.Create(new ApiOptions { AllowLoopbackWebhooks = allowLoopback }));
    }

    public static TheoryData<string, bool> Urls => new()
    {
        // Known Workflows hosts, old and new (public addresses).
        { "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=x", true },
        { "https://default0123.12.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc?sig=x", true },
        { "https://20.50.2.10/hook", true },
        { "https://[2603:1030:20e:3::2b]/hook", true },
        // Scheme and shape.
        { "http://prod-00.westeurope.logic.azure.com/workflows/abc", false },
        { "ftp://prod-00.westeurope.logic.azure.com/x", false },
        { "file:///etc/passwd", false },
        { "https://user:pass@prod-00.westeurope.logic.azure.com/x", false },
        { "not a url", false },
        { "/relative/path", false },
        { "", false },
        // Loopback, unspecified, this network.
        { "https://127.0.0.1/hook", false },
        { "https://127.1.2.3/hook", false },
        { "https://localhost/hook", false },
        { "https://api.localhost/hook", false },
        { "https://0.0.0.0/hook", false },
        { "https://0.1.2.3/hook", false },
        { "https://[::1]/hook", false },
        { "https://[::]/hook", false },
        // Obfuscated IPv4 literals that System.Uri canonicalises.
        { "https://2130706433/hook", false },
        { "https://0x7f000001/hook", false },
        { "https://017700000001/hook", false },
        // Private ranges and their edges.
        { "https://10.0.0.1/hook", false },
        { "https://10.255.255.255/hook", false },
        { "https://172.16.0.1/hook", false },
        { "https://172.31.255.254/hook", false },
        { "https://172.15.255.254/hook", true },
        { "https://172.32.0.1/hook", true },
        { "https://192.168.1.1/hook", false },
        // Link-local, cloud metadata, CGNAT.
        { "https://169.254.1.1/hook", false },
        { "https://169.254.169.254/latest/meta-data/", false },
        { "https://100.64.0.1/hook", false },
        { "https://100.127.255.254/hook", false },
        { "https://100.128.0.1/hook", true },
        { "https://[fe80::1]/hook", false },
        { "https://[fd00:ec2::254]/hook", false },
        { "https://[fc00::1]/hook", false },
        // IPv4-mapped / compatible / embedded IPv6.
        { "https://[::ffff:127.0.0.1]/hook", false },
        { "https://[::ffff:10.0.0.1]/hook", false },
        { "https://[::ffff:8.8.8.8]/hook", false },
        { "https://[::127.0.0.1]/hook", false },
        { "https://[64:ff9b::a00:1]/hook", false },
        { "https://[2002:a00:1::1]/hook", false },
        // NAT64 well-known prefix judged by the IPv4 it wraps; local-use NAT64 and SIIT refused whatever they wrap.
        { "https://[64:ff9b::7f00:1]/hook", false },
        { "https://[64:ff9b::a9fe:a9fe]/hook", false },
        { "https://[64:ff9b::c0a8:101]/hook", false },
        { "https://[64:ff9b::808:808]/hook", true },
        { "https://[64:ff9b:1::7f00:1]/hook", false },
        { "https://[64:ff9b:1::808:808]/hook", false },
        { "https://[64:ff9b:1:ffff::1]/hook", false },
        { "https://[::ffff:0:7f00:1]/hook", false },
        { "https://[::ffff:0:808:808]/hook", false },
        // Multicast, broadcast, reserved, documentation.
        { "https://224.0.0.1/hook", false },
        { "https://239.255.255.250/hook", false },
        { "https://[ff02::1]/hook", false },
        { "https://255.255.255.255/hook", false },
        { "https://240.0.0.1/hook", false },
        { "https://192.0.2.1/hook", false },
        { "https://[2001:db8::1]/hook", false },
        // Names resolving to forbidden addresses.
        { "https://metadata.example/hook", false },
        { "https://v6meta.example/hook", false },
        { "https://mapped.example/hook", false },
        { "https://cgnat.example/hook", false },
        { "https://rebind.example/hook", false },
        { "https://does-not-resolve.example/hook", false },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task ValidateAsync_Url_AllowsOnlyPublicHttps(string url, bool allowed)
    {
        var verdict = await Create().ValidateAsync(url, CancellationToken.None);

        verdict.IsAllowed.ShouldBe(allowed, verdict.Error);
        if (!allowed)
        {
            verdict.Error.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task ValidateAsync_RefusedUrl_NeverEchoesTheQuery()
    {
        var verdict = await Create().ValidateAsync("https://10.0.0.1/hook?sig=TOP-SECRET", CancellationToken.None);

        verdict.Error!.ShouldNotContain("TOP-SECRET");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://localhost:5000/hook", true)]
    [InlineData("http://10.0.0.1/hook", false)]
    [InlineData("http://prod-00.westeurope.logic.azure.com/x", false)]
    public async Task ValidateAsync_LoopbackAllowedForTests_AllowsOnlyLoopbackOverHttp(string url, bool allowed)
    {
        var verdict = await Create(allowLoopback: true).ValidateAsync(url, CancellationToken.None);

        verdict.IsAllowed.ShouldBe(allowed, verdict.Error);
    }
}
