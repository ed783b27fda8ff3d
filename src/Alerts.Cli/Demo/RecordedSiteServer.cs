using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Demo;

/// <summary>
/// Serves recorded pages of official sites on 127.0.0.1, one port per site, keeping each site's real paths.
/// Each site's pages live in its own folder (<c>{folder}/{path}</c>); with a stages root, a stage overlays them with
/// <c>{stagesRoot}/{stage}/{site}/{path}</c> (the current stage first, then earlier ones), so a listing can grow from one
/// stage of a timeline to the next.
/// </summary>
internal sealed class RecordedSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyDictionary<string, string> _folders;
    private readonly string? _stagesRoot;
    private readonly Dictionary<int, string> _siteByPort;
    private readonly Dictionary<string, Uri> _baseUrls;
    private volatile string[] _stages = [];

    private RecordedSiteServer(WebApplication app, IReadOnlyDictionary<string, string> folders, string? stagesRoot, Dictionary<int, string> siteByPort)
    {
        _app = app;
        _folders = folders;
        _stagesRoot = stagesRoot;
        _siteByPort = siteByPort;
        _baseUrls = siteByPort.ToDictionary(p => p.Value, p => new Uri($"http://127.0.0.1:{p.Key}"), StringComparer.Ordinal);
    }

    /// <summary>How many requests were served (tests count them).</summary>
    public int Requests => _requests;

    private int _requests;

    private readonly System.Collections.Concurrent.ConcurrentQueue<ServedRequest> _served = new();

    /// <summary>
    /// Answer <c>If-None-Match</c> with 304 when the file's content hash (its ETag) matches, as the real sites' CMSs do
    /// for most pages. Off by default: the recorded demo answers 200 to everything.
    /// </summary>
    public bool AnswersConditionalRequests { get; init; }

    /// <summary>Every request served, in order: its path, whether it was conditional, and the status answered (tests count them).</summary>
    public IReadOnlyList<ServedRequest> Served => [.. _served];

    public IReadOnlyDictionary<string, Uri> BaseUrls => _baseUrls;

    /// <summary>Makes <paramref name="stages"/> (oldest first) the overlays in force; the last one wins.</summary>
    public void UseStages(IEnumerable<string> stages) => _stages = [.. stages.Reverse()];

    /// <param name="siteFolders">Site id (a source id) → the folder holding its pages under their real paths.</param>
    /// <param name="stagesRoot">Folder of stage overlays, or null.</param>
    public static Task<RecordedSiteServer> StartAsync(IReadOnlyDictionary<string, string> siteFolders, string? stagesRoot, CancellationToken cancellationToken) =>
        StartAsync(siteFolders, stagesRoot, conditional: false, cancellationToken);

    /// <param name="conditional">Whether the server answers conditional requests (<see cref="AnswersConditionalRequests"/>).</param>
    public static async Task<RecordedSiteServer> StartAsync(IReadOnlyDictionary<string, string> siteFolders, string? stagesRoot, bool conditional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(siteFolders);
        var sites = siteFolders.Keys;
        var folders = siteFolders.ToDictionary(p => p.Key, p => Path.GetFullPath(p.Value), StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var ports = new Dictionary<int, string>();
        foreach (var site in sites)
        {
            ports[FreePort()] = site;
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var port in ports.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        var app = builder.Build();
        var server = new RecordedSiteServer(app, folders, stagesRoot is null ? null : Path.GetFullPath(stagesRoot), ports) { AnswersConditionalRequests = conditional };
        app.Run(server.ServeAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!_siteByPort.TryGetValue(context.Connection.LocalPort, out var site))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var file = Find(site, context.Request.Path.Value ?? "/");
        if (file is null)
        {
            _served.Enqueue(new ServedRequest(context.Request.Path.Value ?? "/", context.Request.Headers.IfNoneMatch.Count > 0, StatusCodes.Status404NotFound));
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        var asked = context.Request.Headers.IfNoneMatch.ToString();
        var conditional = asked.Length > 0 || context.Request.Headers.IfModifiedSince.Count > 0;
        if (AnswersConditionalRequests)
        {
            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file, context.RequestAborted).ConfigureAwait(false)))[..16] + "\"";
            context.Response.Headers.ETag = etag;
            if (asked == etag)
            {
                _served.Enqueue(new ServedRequest(path, conditional, StatusCodes.Status304NotModified));
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        _served.Enqueue(new ServedRequest(path, conditional, StatusCodes.Status200OK));
        context.Response.ContentType = ContentTypeOf(file);
        await context.Response.SendFileAsync(file, context.RequestAborted).ConfigureAwait(false);
    }

    private string? Find(string site, string path)
    {
        var relative = Uri.UnescapeDataString(path).TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }

        var overlays = _stagesRoot is null ? [] : _stages.Select(stage => Path.Combine(_stagesRoot, stage, site));
        foreach (var folder in overlays.Append(_folders[site]))
        {
            var candidate = Path.GetFullPath(Path.Combine(folder, relative));

            // Never serve outside the recorded site (../ in a path).
            if (candidate.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // No charset on HTML: recorded pages declare their own (GBK, Shift_JIS) in a BOM or <meta>, as the real sites do.
    private static string ContentTypeOf(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" or ".htm" or ".shtml" => "text/html",
        ".json" => "application/json; charset=utf-8",
        ".rdf" or ".xml" => "application/xml",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One request a <see cref="RecordedSiteServer"/> served.</summary>
internal sealed record ServedRequest(string Path, bool Conditional, int Status);
