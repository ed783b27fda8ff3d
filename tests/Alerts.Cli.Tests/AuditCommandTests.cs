using System.IO.Compression;
using Alerts.Cli.Commands;
using Alerts.Testing;

namespace Alerts.Cli.Tests;

/// <summary>Issue 19: <c>alerts audit</c> writes a new pack and refuses, in one line, what it cannot do.</summary>
public sealed class AuditCommandTests
{
    private static string Samples => Path.Combine(RepositoryPaths.Root, "samples", "companies.json");

    [Fact]
    public async Task Audit_KnownCompany_WritesAZipWithAManifest()
    {
        using var data = new TempDirectory();
        (await CliRunner.RunAsync("subscriptions", "import", Samples, "--data", data.Path)).ExitCode.ShouldBe(0);
        var pack = data.Combine("pack.zip");

        var (exitCode, output, _) = await CliRunner.RunAsync("audit", "--company", "sakura-trading", "--from", "2026-01-01", "--to", "2026-03-31", "--out", pack, "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain(pack);
        using var zip = ZipFile.OpenRead(pack);
        zip.Entries.Select(e => e.FullName).ShouldContain("manifest.json");
        File.Exists(pack + ".tmp").ShouldBeFalse();
    }

    [Fact]
    public async Task Audit_OutExists_RefusesInOneLineAndKeepsTheFile()
    {
        using var data = new TempDirectory();
        var pack = data.Combine("pack.zip");
        await File.WriteAllTextAsync(pack, "mine");

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "--company", "sakura-trading", "--from", "2026-01-01", "--to", "2026-03-31", "--out", pack, "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        File.ReadAllText(pack).ShouldBe("mine");
        ShouldBeOneLine(error, "already exists");
    }

    [Fact]
    public async Task Audit_ToBeforeFrom_RefusesInOneLine()
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "--company", "sakura-trading", "--from", "2026-03-31", "--to", "2026-01-01", "--out", data.Combine("pack.zip"), "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        ShouldBeOneLine(error, "is before --from");
        File.Exists(data.Combine("pack.zip")).ShouldBeFalse();
    }

    [Fact]
    public async Task Audit_DateNotIso_RefusesInOneLine()
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "--company", "sakura-trading", "--from", "31/03/2026", "--to", "2026-04-01", "--out", data.Combine("pack.zip"), "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        ShouldBeOneLine(error, "--from '31/03/2026'");
    }

    [Fact]
    public async Task Audit_UnknownCompany_RefusesInOneLineAndWritesNothing()
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "--company", "nobody", "--from", "2026-01-01", "--to", "2026-03-31", "--out", data.Combine("pack.zip"), "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        ShouldBeOneLine(error, "no such company");
        File.Exists(data.Combine("pack.zip")).ShouldBeFalse();
    }

    private static void ShouldBeOneLine(string error, string expected)
    {
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
        error.Trim().Split('\n').Length.ShouldBe(1, error);
    }
}
