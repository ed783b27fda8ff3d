using System.CommandLine;
using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Testing;
using NSubstitute;

namespace Alerts.Cli.Tests;

public sealed class MatchCommandTests
{
    private static string Samples => Path.Combine(RepositoryPaths.Root, "samples", "companies.json");

    private const string Notice2026No1 = """
        商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告
        禁止所有两用物项对日本军事用户、军事用途以及一切有助于提升日本军事实力的最终用户用途出口。
        本公告自公布之日起正式实施。商务部 2026年1月6日
        """;

    [Fact]
    public async Task Match_TextFileWithCompaniesFile_PrintsNoticeAndAlertsAsJson()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("2026-1.txt");
        await File.WriteAllTextAsync(file, Notice2026No1);

        var (exitCode, output, error) = await CliRunner.RunAsync("match", "--file", file, "--companies", Samples, "--json", "--data", temp.Path);

        exitCode.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("notice").GetProperty("key").GetString().ShouldBe("2026-1.txt");
        json.RootElement.GetProperty("notice").GetProperty("titleGloss").GetString()!.ShouldContain("dual-use items");
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        alerts.Select(a => a.GetProperty("company").GetString()).ShouldContain("skyline-drones");
        var drones = alerts.Single(a => a.GetProperty("company").GetString() == "skyline-drones");
        drones.GetProperty("severity").GetString().ShouldBe("high");
        drones.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ShouldContain("broad-measure");
    }

    [Fact]
    public async Task Match_HtmlFileWithoutCompanies_UsesTheStoreAndSaysNoCompany()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("page.html");
        await File.WriteAllTextAsync(file, "<html><head><title>关于对镓实施出口管制</title></head><body><h1>关于对镓实施出口管制</h1><p>金属镓未经许可不得出口。</p></body></html>");

        var (exitCode, output, _) = await CliRunner.RunAsync("match", "--file", file, "--data", temp.Path);

        exitCode.ShouldBe(0);
        output.ShouldContain("关于对镓实施出口管制");
        output.ShouldContain("No company is alerted.");
    }

    [Fact]
    public async Task Match_WithSource_UsesThatSourcesDetailParser()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("detail.html");
        await File.WriteAllTextAsync(file, "<html></html>");
        var source = Substitute.For<INoticeSource>();
        source.ParseDetail(Arg.Any<string>(), Arg.Any<Uri>(), Arg.Any<ListingItem?>()).Returns(new NoticeBuilder().Build());
        var catalog = Substitute.For<ISourceCatalog>();
        catalog.Find("cn-mofcom-announcements").Returns(source);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { MatchCommand.Create(catalog) };

        var exitCode = await root.Parse(["match", "--file", file, "--source", "cn-mofcom-announcements", "--companies", Samples, "--json", "--data", temp.Path])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        exitCode.ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("\"key\":\"cn-mofcom:2026:1\"");
        output.ToString().ShouldContain("sakura-trading");
    }

    [Fact]
    public async Task Match_UnknownSource_ExitsTwo()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("detail.html");
        await File.WriteAllTextAsync(file, "<html></html>");

        var (exitCode, _, error) = await CliRunner.RunAsync("match", "--file", file, "--source", "nowhere", "--data", temp.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("unknown source 'nowhere'");
    }

    [Fact]
    public async Task Match_MissingFile_ExitsTwo()
    {
        using var temp = new TempDirectory();

        var (exitCode, _, error) = await CliRunner.RunAsync("match", "--file", temp.Combine("none.txt"), "--data", temp.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("no such file");
    }
}
