namespace Alerts.Cli.Hosting;

/// <summary>What <c>alerts run</c> was asked for on the command line.</summary>
internal sealed record EmbeddedHostSettings(string DataDirectory, int Port)
{
    public const int DefaultPort = 7070;
    public const string DefaultDataDirectory = ".alerts";

    /// <summary>Extra configuration (<c>Sources:{id}:BaseUrl</c> from <c>--source-url</c>, say).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();
}
