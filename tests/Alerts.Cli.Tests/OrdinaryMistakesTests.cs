using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alerts.Cli.Commands;
using Alerts.Cli.Demo;
using Alerts.Testing;

namespace Alerts.Cli.Tests;

/// <summary>
/// Issue 15 items 3–5: ordinary mistakes end with one line on stderr naming what is wrong and what to do, and a
/// documented exit code (<see cref="ExitCodes"/>); nothing the user owns is deleted or overwritten.
/// </summary>
public sealed class OrdinaryMistakesTests
{
    private static string Samples => Path.Combine(RepositoryPaths.Root, "samples", "companies.json");

    [Fact]
    public async Task Demo_FolderWithAForeignFile_RefusesAndKeepsTheFile()
    {
        using var data = new TempDirectory();
        var mine = data.Combine("notes.txt");
        await File.WriteAllTextAsync(mine, "mine");

        var (exitCode, _, error) = await CliRunner.RunAsync("demo", "--no-serve", "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        File.ReadAllText(mine).ShouldBe("mine");
        ShouldBeOneLine(error, "notes.txt");
    }

    [Fact]
    public async Task Demo_FolderWithADatabaseTheDemoDidNotWrite_RefusesAndKeepsIt()
    {
        using var data = new TempDirectory();
        var database = data.Combine("alerts.db");
        await File.WriteAllBytesAsync(database, [1, 2, 3]);

        var (exitCode, _, error) = await CliRunner.RunAsync("demo", "--no-serve", "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        File.ReadAllBytes(database).ShouldBe(new byte[] { 1, 2, 3 });
        ShouldBeOneLine(error, "alerts.db");
    }

    [Fact]
    public void Prepare_FolderAnEarlierDemoWrote_IsEmptiedAndMarked()
    {
        using var data = new TempDirectory();
        File.WriteAllText(data.Combine(DemoFolder.MarkerFileName), "");
        File.WriteAllText(data.Combine("alerts.db"), "old");
        Directory.CreateDirectory(data.Combine("outbox"));
        File.WriteAllText(data.Combine("outbox", "alert-sakura-trading-30c8f5fa1f0d1eda70b7649d33d9890e_sakura-trading-92eb00a7671e.eml"), "old");
        File.WriteAllText(data.Combine("outbox", "teams-sakura-trading-ce1729a4bbba562869ee34676a29a10d.json"), "old");
        File.WriteAllText(data.Combine("outbox", "digest-preview-sakura-trading-826e05b878d6.html"), "old");

        DemoFolder.Prepare(data.Path);

        Directory.GetFileSystemEntries(data.Path).Select(Path.GetFileName).ShouldBe([DemoFolder.MarkerFileName]);
    }

    [Fact]
    public void Prepare_FolderAnEarlierDemoWroteWithItsKeyAndPages_IsEmptiedAndMarked()
    {
        // A demo's run writes the action-link key and the page archive too (issue 19): the next demo must take them back.
        using var data = new TempDirectory();
        var sha = new string('3', 64);
        File.WriteAllText(data.Combine(DemoFolder.MarkerFileName), "");
        File.WriteAllText(data.Combine("link-signing.key"), "old");
        Directory.CreateDirectory(data.Combine("pages", "33"));
        File.WriteAllText(data.Combine("pages", "33", sha + ".bin"), "old");
        File.WriteAllText(data.Combine("pages", "33", sha + ".json"), "{}");

        DemoFolder.Prepare(data.Path);

        Directory.GetFileSystemEntries(data.Path).Select(Path.GetFileName).ShouldBe([DemoFolder.MarkerFileName]);
    }

    [Fact]
    public void Prepare_MarkedFolderWithAForeignFileInThePageArchive_RefusesAndDeletesNothing()
    {
        using var data = new TempDirectory();
        var sha = new string('3', 64);
        File.WriteAllText(data.Combine(DemoFolder.MarkerFileName), "");
        Directory.CreateDirectory(data.Combine("pages", "33"));
        File.WriteAllText(data.Combine("pages", "33", sha + ".bin"), "old");
        File.WriteAllText(data.Combine("pages", "33", "notes.txt"), "mine");

        Should.Throw<CliProblem>(() => DemoFolder.Prepare(data.Path)).ExitCode.ShouldBe(ExitCodes.BadInput);

        File.Exists(data.Combine("pages", "33", "notes.txt")).ShouldBeTrue();
        File.Exists(data.Combine("pages", "33", sha + ".bin")).ShouldBeTrue();
    }

    [Fact]
    public void Prepare_MarkedFolderWithAForeignFileInTheOutbox_RefusesAndDeletesNothing()
    {
        using var data = new TempDirectory();
        File.WriteAllText(data.Combine(DemoFolder.MarkerFileName), "");
        Directory.CreateDirectory(data.Combine("outbox"));
        File.WriteAllText(data.Combine("outbox", "report.docx"), "mine");

        var problem = Should.Throw<CliProblem>(() => DemoFolder.Prepare(data.Path));

        problem.ExitCode.ShouldBe(ExitCodes.BadInput);
        File.Exists(data.Combine("outbox", "report.docx")).ShouldBeTrue();
    }

    [Fact]
    public void Prepare_MarkedFolderWithAnEmlOfTheUsersInTheOutbox_RefusesAndDeletesNothing()
    {
        // Only names the app writes are the demo's: an e-mail the user saved there is not.
        using var data = new TempDirectory();
        File.WriteAllText(data.Combine(DemoFolder.MarkerFileName), "");
        Directory.CreateDirectory(data.Combine("outbox"));
        File.WriteAllText(data.Combine("outbox", "notes.eml"), "mine");

        Should.Throw<CliProblem>(() => DemoFolder.Prepare(data.Path));

        File.Exists(data.Combine("outbox", "notes.eml")).ShouldBeTrue();
    }

    [Fact]
    public void Prepare_NewFolder_IsCreatedWithItsMarker()
    {
        using var parent = new TempDirectory();
        var folder = parent.Combine("demo");

        DemoFolder.Prepare(folder);

        File.Exists(Path.Combine(folder, DemoFolder.MarkerFileName)).ShouldBeTrue();
    }

    [Fact]
    public async Task Demo_NoServeWhileThePortIsTaken_StillRuns()
    {
        using var data = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var (exitCode, output, error) = await CliRunner.RunAsync("demo", "--no-serve", "--port", port, "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.Ok, error);
        output.ShouldContain("Summary");
    }

    [Fact]
    public async Task Demo_PortTaken_SaysSoInOneLineAndExitsPortInUse()
    {
        // alerts demo after alerts run: the dashboard's port is taken.
        using var data = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        var (exitCode, _, error) = await CliRunner.RunAsync(guard.Token, "demo", "--port", port, "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.PortInUse, error);
        ShouldBeOneLine(error, "--port");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("demo")]
    public async Task PortOutOfRange_SaysSoInOneLine(string verb)
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync(verb, "--port", "99999", "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        ShouldBeOneLine(error, "--port 99999");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sources")]
    [InlineData("dlq", "list")]
    [InlineData("subscriptions", "export")]
    [InlineData("demo", "--no-serve")]
    public async Task DataIsAFile_SaysSoInOneLine(params string[] verb)
    {
        using var parent = new TempDirectory();
        var file = parent.Combine("alerts-data");
        await File.WriteAllTextAsync(file, "mine");

        var (exitCode, _, error) = await CliRunner.RunAsync([.. verb, "--data", file]);

        exitCode.ShouldBe(ExitCodes.BadInput);
        File.ReadAllText(file).ShouldBe("mine");
        ShouldBeOneLine(error, "is a file, not a folder");
    }

    [Fact]
    public async Task DataUnderAFile_CannotBeCreated_SaysSoInOneLine()
    {
        using var parent = new TempDirectory();
        var file = parent.Combine("plain-file");
        await File.WriteAllTextAsync(file, "mine");

        var (exitCode, _, error) = await CliRunner.RunAsync("sources", "--data", Path.Combine(file, "data"));

        exitCode.ShouldBe(ExitCodes.DataUnusable);
        ShouldBeOneLine(error, "cannot create the --data folder");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("sources")]
    [InlineData("dlq", "list")]
    [InlineData("subscriptions", "export")]
    public async Task CorruptDatabase_SaysSoInOneLine(params string[] verb)
    {
        using var data = new TempDirectory();
        var database = data.Combine("alerts.db");
        await File.WriteAllTextAsync(database, new string('x', 4096));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var (exitCode, _, error) = await CliRunner.RunAsync(guard.Token, [.. verb, "--data", data.Path]);

        exitCode.ShouldBe(ExitCodes.DataUnusable);
        ShouldBeOneLine(error, "damaged or not an Alerts database");
        File.ReadAllText(database).ShouldBe(new string('x', 4096));
    }

    // An unwritable --data folder cannot be made here (tests run as root, whom permissions do not stop): the errors
    // writing into one raises are described directly.
    [Fact]
    public void TryDescribe_AccessDenied_SaysGiveAWritableFolder()
    {
        FriendlyErrors.TryDescribe(new UnauthorizedAccessException("Access to the path '/srv/alerts/outbox' is denied."), out var message, out var exitCode).ShouldBeTrue();

        exitCode.ShouldBe(ExitCodes.DataUnusable);
        message.ShouldBe("Access to the path '/srv/alerts/outbox' is denied. Give --data a folder you can write.");
    }

    [Theory]
    [InlineData(8)] // SQLITE_READONLY
    [InlineData(14)] // SQLITE_CANTOPEN
    public void TryDescribe_DatabaseNotWritable_SaysGiveAWritableFolder(int sqliteError)
    {
        FriendlyErrors.TryDescribe(new Microsoft.Data.Sqlite.SqliteException("SQLite Error: unable to open database file.", sqliteError), out var message, out var exitCode).ShouldBeTrue();

        exitCode.ShouldBe(ExitCodes.DataUnusable);
        message.ShouldStartWith("cannot open the database in the --data folder for writing");
        message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task Poll_SourceUrlForAnUnknownSource_RefusesNamingTheSources()
    {
        using var data = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("poll", "--once", "--data", data.Path, "--source-url", "cn-mofcom-announcments=http://127.0.0.1:9");

        exitCode.ShouldBe(ExitCodes.BadInput);
        ShouldBeOneLine(error, "there is no source 'cn-mofcom-announcments'");
        error.ShouldContain("cn-mofcom-announcements");
    }

    [Fact]
    public async Task Digest_RecipientNotOfTheCompany_RefusesNamingItsRecipients()
    {
        using var data = new TempDirectory();
        (await CliRunner.RunAsync("subscriptions", "import", Samples, "--data", data.Path)).ExitCode.ShouldBe(0);

        var (exitCode, output, error) = await CliRunner.RunAsync("digest", "--preview", "--company", "sakura-trading", "--recipient", "stranger@example.com", "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        output.ShouldBeEmpty();
        ShouldBeOneLine(error, "'stranger@example.com' is not a recipient of company 'sakura-trading'");
    }

    [Fact]
    public async Task Digest_OutIsAnExistingFile_RefusesAndKeepsIt()
    {
        using var data = new TempDirectory();
        (await CliRunner.RunAsync("subscriptions", "import", Samples, "--data", data.Path)).ExitCode.ShouldBe(0);
        var existing = data.Combine("report.html");
        await File.WriteAllTextAsync(existing, "mine");

        var (exitCode, _, error) = await CliRunner.RunAsync("digest", "--preview", "--company", "sakura-trading", "--out", existing, "--data", data.Path);

        exitCode.ShouldBe(ExitCodes.BadInput);
        File.ReadAllText(existing).ShouldBe("mine");
        ShouldBeOneLine(error, "already exists");
    }

    private static void ShouldBeOneLine(string error, string expected)
    {
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
        error.Trim().Split('\n').Length.ShouldBe(1, error);
    }
}
