namespace Alerts.Cli.Hosting;

/// <summary>What <c>alerts run</c> was asked for on the command line.</summary>
internal sealed record EmbeddedHostSettings(string DataDirectory, int Port)
{
    public const int DefaultPort = 7070;
    public const string DefaultDataDirectory = ".alerts";

    /// <summary>Extra configuration (<c>Sources:{id}:BaseUrl</c> from <c>--source-url</c>, say).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Poll on schedules and drain the bus in the background (off when a caller drives the pipeline, as the demo does).</summary>
    public bool BackgroundLoops { get; init; } = true;

    /// <summary>The least important log level written to the console (the demo keeps its own output readable).</summary>
    public Microsoft.Extensions.Logging.LogLevel MinimumLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Information;

    /// <summary>Registrations applied after the real ones (the demo's clock, say).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? ConfigureServices { get; init; }
}
