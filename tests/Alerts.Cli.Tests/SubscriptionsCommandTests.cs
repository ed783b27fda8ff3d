using Alerts.Testing;

namespace Alerts.Cli.Tests;

public sealed class SubscriptionsCommandTests
{
    private static string Samples => Path.Combine(RepositoryPaths.Root, "samples", "companies.json");

    [Fact]
    public async Task Import_SampleFile_ThenListShowsEveryCompany()
    {
        using var data = new TempDirectory();

        var import = await CliRunner.RunAsync("subscriptions", "import", Samples, "--data", data.Path);
        var list = await CliRunner.RunAsync("subscriptions", "list", "--data", data.Path);

        import.ExitCode.ShouldBe(0, import.Error);
        import.Output.ShouldContain("Imported 4 companies.");
        list.Output.ShouldContain("sakura-trading");
        list.Output.ShouldContain("skyline-drones");
    }

    [Fact]
    public async Task Import_InvalidCompany_ExitsTwoNamesTheFieldAndImportsNothing()
    {
        using var data = new TempDirectory();
        var file = data.Combine("bad.json");
        await File.WriteAllTextAsync(file, """{"companies":[{"id":"ok","name":"Ok"},{"id":"bad","name":"Bad","recipients":[{"email":"nope","timeZone":"Asia/Tokyo"}]}]}""");

        var import = await CliRunner.RunAsync("subscriptions", "import", file, "--data", data.Path);
        var export = await CliRunner.RunAsync("subscriptions", "export", "--data", data.Path);

        import.ExitCode.ShouldBe(2);
        import.Error.ShouldContain("bad: recipients[0].email");
        export.Output.ShouldNotContain("\"ok\"");
    }

    [Fact]
    public async Task Export_AfterImport_CanBeImportedAgain()
    {
        using var data = new TempDirectory();
        await CliRunner.RunAsync("subscriptions", "import", Samples, "--data", data.Path);
        var exported = data.Combine("export.json");

        var export = await CliRunner.RunAsync("subscriptions", "export", "--out", exported, "--data", data.Path);
        using var other = new TempDirectory();
        var again = await CliRunner.RunAsync("subscriptions", "import", exported, "--data", other.Path);

        export.ExitCode.ShouldBe(0);
        again.Output.ShouldContain("Imported 4 companies.");
    }
}
