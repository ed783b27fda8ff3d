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
        json.RootElement.GetProperty("notice").GetProperty("noticeKey").GetString().ShouldBe("cn-mofcom:2026:1");
        json.RootElement.GetProperty("notice").GetProperty("titleGloss").GetString()!.ShouldContain("dual-use items");
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        alerts.Select(a => a.GetProperty("company").GetString()).ShouldContain("skyline-drones");
        var drones = alerts.Single(a => a.GetProperty("company").GetString() == "skyline-drones");
        drones.GetProperty("severity").GetString().ShouldBe("medium"); // issue 16: a broad ban on its destination
        drones.GetProperty("explanation").GetString()!.ShouldContain("MOFCOM Announcement 2026 No.1");
        drones.GetProperty("explanation").GetString()!.ShouldContain("Japan");
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
        output.ToString().ShouldContain("\"noticeKey\":\"cn-mofcom:2026:1\"");
        output.ToString().ShouldContain("sakura-trading");
    }

    [Fact]
    public async Task Match_TextFileWithNumberedEntityLines_ReadsEveryEntityAndTheStatedCountWarning()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("2026-11.txt");
        await File.WriteAllTextAsync(file, """
            商务部公告2026年第11号 关于将3家日本实体列入出口管制管控名单的公告
            根据《中华人民共和国出口管制法》，决定将以下3家日本实体列入出口管制管控名单。
            1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）
            2.川崎重工业株式会社（Kawasaki Heavy Industries, Ltd.）
            商务部 2026年2月24日
            """);

        var (exitCode, output, error) = await CliRunner.RunAsync("match", "--file", file, "--source", "cn-mofcom-announcements", "--json", "--data", temp.Path);

        exitCode.ShouldBe(0, error);
        var notice = JsonDocument.Parse(output).RootElement.GetProperty("notice");
        notice.GetProperty("source").GetString().ShouldBe("cn-mofcom-announcements");
        notice.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("nameEn").GetString())
            .ShouldBe(["Mitsubishi Heavy Industries Shipbuilding Co., Ltd.", "Kawasaki Heavy Industries, Ltd."]);
        notice.GetProperty("warnings")[0].GetString()!.ShouldContain("3");
    }

    [Fact]
    public async Task Match_JapaneseTextFileWithoutSource_ReadsItAsJapanese()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("meti.txt");
        await File.WriteAllTextAsync(file, """
            中国による日本向け輸出管理措置の強化について
            令和8年1月7日
            経済産業省は、中国商務部が発表した措置に強く抗議しました。
            """);

        var (exitCode, output, error) = await CliRunner.RunAsync("match", "--file", file, "--json", "--data", temp.Path);

        exitCode.ShouldBe(0, error);
        var notice = JsonDocument.Parse(output).RootElement.GetProperty("notice");
        notice.GetProperty("language").GetString().ShouldBe("ja");
        notice.GetProperty("source").GetString()!.ShouldStartWith("jp-");
        notice.GetProperty("published").GetString().ShouldBe("2026-01-07");
    }

    [Fact]
    public async Task Match_SavedGbkPage_IsDecodedByItsMetaCharset()
    {
        using var temp = new TempDirectory();
        var file = RepositoryPaths.Fixture("cn-mofcom-announcements/variants/detail-gbk.html");

        var (exitCode, output, error) = await CliRunner.RunAsync("match", "--file", file, "--source", "cn-mofcom-announcements", "--json", "--data", temp.Path);

        exitCode.ShouldBe(0, error);
        var notice = JsonDocument.Parse(output).RootElement.GetProperty("notice");
        notice.GetProperty("title").GetString().ShouldBe("商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告");
        notice.GetProperty("noticeKey").GetString().ShouldBe("cn-mofcom:2026:1");
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
