using Alerts.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Hosting;

/// <summary>The setup the embedded host and the one-shot verbs share, so both read and write the same folder.</summary>
internal static class EmbeddedMode
{
    /// <summary>
    /// Makes <paramref name="dataDirectory"/> absolute and creates it, then adds the settings that put Infrastructure in
    /// embedded mode over it. Returns the absolute folder.
    /// </summary>
    public static string AddEmbeddedMode(this IConfigurationBuilder configuration, string dataDirectory)
    {
        var data = Path.GetFullPath(dataDirectory);
        EnsureFolder(data);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] = nameof(HostingMode.Embedded),
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.DataDirectory)}"] = data,
        });
        return data;
    }

    /// <summary>Creates the <c>--data</c> folder, or says in one line why it cannot be one.</summary>
    public static void EnsureFolder(string data)
    {
        if (File.Exists(data))
        {
            throw new CliProblem($"--data '{data}' is a file, not a folder: give a folder (it is created when missing).", Commands.ExitCodes.BadInput);
        }

        try
        {
            Directory.CreateDirectory(data);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliProblem($"cannot create the --data folder '{data}' ({ex.Message.TrimEnd('.')}): give a folder you can write.", Commands.ExitCodes.DataUnusable);
        }
    }
}
