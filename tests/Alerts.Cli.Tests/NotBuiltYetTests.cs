using System.CommandLine;
using Alerts.Cli.Commands;

namespace Alerts.Cli.Tests;

public sealed class NotBuiltYetTests
{
    [Fact]
    public async Task UnbuiltVerb_SaysSoOnStderrAndExits64()
    {
        var root = new RootCommand { NotBuiltYet.Create("someday", "A verb still on the roadmap.") };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await root.Parse(["someday", "--whatever"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        exitCode.ShouldBe(64);
        error.ToString().Trim().ShouldBe("alerts someday: not built yet.");
    }
}
