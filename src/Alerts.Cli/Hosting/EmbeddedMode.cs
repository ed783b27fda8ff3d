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
        Directory.CreateDirectory(data);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] = nameof(HostingMode.Embedded),
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.DataDirectory)}"] = data,
        });
        return data;
    }
}
