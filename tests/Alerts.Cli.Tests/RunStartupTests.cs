using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alerts.Cli.Hosting;
using Alerts.Core.Sources;
using Alerts.Testing;

namespace Alerts.Cli.Tests;

/// <summary>Issue 15 items 6 and 10: <c>alerts run</c> says where it listens; the README names the dashboard's address.</summary>
public sealed class RunStartupTests
{
    [Fact]
    public async Task Run_Started_SaysWhereItListens()
    {
        using var data = new TempDirectory();
        var port = FreePort();
        // Every source at a closed loopback port: the host's first polls fail at once and reach no other machine.
        var closed = FreePort();
        var args = new List<string> { "run", "--port", port.ToString(CultureInfo.InvariantCulture), "--data", data.Path };
        foreach (var id in SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id))
        {
            args.AddRange(["--source-url", $"{id}=http://127.0.0.1:{closed}"]);
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var output = new LineWatcher("Alerts is listening on");
        using var error = new StringWriter();
        var run = AlertsCli.Create().Parse([.. args]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, stop.Token);

        // Stop it once it has said so (or has ended by itself, which fails below).
        await Task.WhenAny(output.Seen, run).WaitAsync(stop.Token);
        await stop.CancelAsync();
        var exitCode = await run;

        exitCode.ShouldBe(0, error.ToString());
        output.Text.ShouldContain($"Alerts is listening on http://127.0.0.1:{port}/ (dashboard: /dashboard");
    }

    /// <summary>Output that tells when a line holding <paramref name="marker"/> was written (the verb writes from its own task).</summary>
    private sealed class LineWatcher(string marker) : StringWriter(CultureInfo.InvariantCulture)
    {
        private readonly Lock _gate = new();
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
                if (ToString().Contains(marker, StringComparison.Ordinal))
                {
                    _seen.TrySetResult();
                }
            }
        }

        public override void WriteLine(string? value) => Write(value + NewLine);

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void Readme_NamesTheDashboardAddress() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"))
            .ShouldContain($"http://127.0.0.1:{EmbeddedHostSettings.DefaultPort}/dashboard");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
