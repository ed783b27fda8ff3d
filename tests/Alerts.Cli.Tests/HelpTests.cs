namespace Alerts.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("demo")]
    [InlineData("poll")]
    [InlineData("match")]
    [InlineData("sources")]
    [InlineData("measures")]
    [InlineData("assess")]
    [InlineData("subscriptions")]
    [InlineData("dlq")]
    [InlineData("digest")]
    [InlineData("audit")]
    public async Task Help_ListsVerb(string verb)
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");

        exitCode.ShouldBe(0);
        output.ShouldMatch($@"(?m)^\s+{verb}\s");
    }
}
