namespace Alerts.Testing;

/// <summary>A folder under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix ?? "alerts-test"}-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}-{Environment.TickCount64}");
        Directory.CreateDirectory(Path);
    }

    private static int s_counter;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a lingering process: the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
