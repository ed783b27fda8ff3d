using System.CommandLine;

namespace Alerts.Cli.Commands;

/// <summary>A verb that is listed in <c>--help</c> but not built yet: says so in one line on stderr and exits 64.</summary>
internal static class NotBuiltYet
{
    public static Command Create(string name, string description)
    {
        var command = new Command(name, description)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine($"alerts {name}: not built yet.");
            return ExitCodes.NotBuilt;
        });
        return command;
    }
}
