using System.CommandLine;
using Alerts.Cli.Hosting;
using Alerts.Core.Sources;

namespace Alerts.Cli.Commands;

/// <summary>Options several verbs share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "Folder for the SQLite database and the outbox.",
        DefaultValueFactory = _ => EmbeddedHostSettings.DefaultDataDirectory,
    };

    public static Option<int> Port(string description) => new("--port")
    {
        Description = description,
        DefaultValueFactory = _ => EmbeddedHostSettings.DefaultPort,
    };

    /// <summary>The port, or a <see cref="CliProblem"/> when it is not one.</summary>
    public static int CheckPort(int port) =>
        port is >= 1 and <= 65535 ? port : throw new CliProblem($"--port {port} is not a TCP port: give one from 1 to 65535 (default {EmbeddedHostSettings.DefaultPort}).", ExitCodes.BadInput);

    public static Option<string[]> SourceUrls() => new("--source-url")
    {
        Description = "Poll a source under another origin, keeping its real paths: <source-id>=<base-url>. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Turns <c>id=url</c> pairs into <c>Sources:{id}:BaseUrl</c> configuration (under both spellings of the id), or says what is wrong.</summary>
    public static bool TryParseSourceUrls(string[]? values, out Dictionary<string, string?> configuration, out string error)
    {
        configuration = [];
        error = "";
        foreach (var value in values ?? [])
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            var id = separator > 0 ? value[..separator].Trim() : "";
            var url = separator > 0 ? value[(separator + 1)..].Trim() : "";
            if (id.Length == 0 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                error = $"--source-url '{value}': expected <source-id>=<http(s) base URL>, e.g. cn-mofcom-announcements=http://127.0.0.1:8080";
                return false;
            }

            var known = SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id).ToList();
            if (!known.Contains(id, StringComparer.Ordinal))
            {
                // An unknown id would be ignored and the real site polled instead: refuse it.
                error = $"--source-url '{value}': there is no source '{id}'; the sources are {string.Join(", ", known)}.";
                return false;
            }

            // Sources bind "Sources:<id>" and then the environment-friendly "Sources:<id with '_'>" (Sources__cn_mofcom_…),
            // the second overriding the first: set both, so the flag (the last provider) beats either spelling in the environment.
            var baseUrl = uri.GetLeftPart(UriPartial.Authority) + uri.AbsolutePath.TrimEnd('/');
            configuration[$"Sources:{id}:BaseUrl"] = baseUrl;
            configuration[$"Sources:{SourcesServiceCollectionExtensions.SettingKeyOf(id)}:BaseUrl"] = baseUrl;
        }

        return true;
    }
}
