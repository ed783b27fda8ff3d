using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Alerts.Testing.Azurite;

/// <summary>
/// Starts Azurite (Table and Blob) from the repository's <c>node_modules</c> on free loopback ports, in memory, and stops
/// it afterwards. Share it with <c>[Collection(AzuriteFixture.CollectionName)]</c>; xunit needs the
/// <c>[CollectionDefinition]</c> in each test assembly (see <c>AzuriteCollection</c> there). <c>./test.sh</c> runs <c>npm ci</c> first.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // The well-known development account (public, documented by Microsoft for the emulator).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public const string CollectionName = "azurite";

    private Process? _process;

    public int TablePort { get; private set; }

    public int BlobPort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public async Task InitializeAsync()
    {
        var azurite = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite} missing): run ./test.sh, or npm ci at the repository root.");
        }

        BlobPort = FreePort();
        TablePort = FreePort();
        var queuePort = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            azurite, "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Ready when both ports accept connections; bounded so a broken install fails the run instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await AcceptsAsync(TablePort, timeout.Token).ConfigureAwait(false) || !await AcceptsAsync(BlobPort, timeout.Token).ConfigureAwait(false))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening.");
            }

            await Task.Yield();
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            // Not listening yet: wait on the connect attempt's own latency rather than a fixed sleep.
            using var pause = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            await pause.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
