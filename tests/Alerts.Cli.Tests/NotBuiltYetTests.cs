namespace Alerts.Cli.Tests;

public sealed class NotBuiltYetTests
{
    [Fact]
    public async Task UnbuiltVerb_SaysSoOnStderrAndExits64()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("demo");

        exitCode.ShouldBe(64);
        error.Trim().ShouldBe("alerts demo: not built yet.");
    }
}
