using Alerts.Cli.Commands;

namespace Alerts.Cli.Tests;

public sealed class CommonOptionsTests
{
    [Fact]
    public void TryParseSourceUrls_IdEqualsUrl_BecomesBaseUrlSetting()
    {
        CommonOptions.TryParseSourceUrls(["cn-mofcom-announcements=http://127.0.0.1:8080/"], out var configuration, out _).ShouldBeTrue();

        configuration["Sources:cn-mofcom-announcements:BaseUrl"].ShouldBe("http://127.0.0.1:8080");
    }

    [Theory]
    [InlineData("cn-mofcom-announcements")]
    [InlineData("=http://127.0.0.1:8080")]
    [InlineData("cn-mofcom-announcements=ftp://127.0.0.1")]
    [InlineData("cn-mofcom-announcements=not a url")]
    public void TryParseSourceUrls_Malformed_SaysWhatIsExpected(string value)
    {
        CommonOptions.TryParseSourceUrls([value], out _, out var error).ShouldBeFalse();

        error.ShouldContain("<source-id>=<http(s) base URL>");
    }
}
