using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts assess list|show|set</c> over assessments in the embedded data folder, opened as the alerts drain opens them.</summary>
public sealed class AssessCommandTests : IDisposable
{
    private const string Company = "acme-trading";
    private const string Notice = "cn-mofcom:2025:61";
    private const string UrlNotice = "https://www.meti.go.jp/press/2026/06/20260612001/20260612001.html";
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private async Task SeedAsync()
    {
        await using var services = CliServices.Build(_data.Path);
        await services.GetRequiredService<ICompanyStore>().UpsertAsync(new CompanyBuilder().WithId(Company).Build(), CancellationToken.None);
        await services.GetRequiredService<IAssessmentService>().OpenAsync([AlertOf(Notice, "c1"), AlertOf(UrlNotice, "c2")], CancellationToken.None);
    }

    private static Alert AlertOf(string noticeKey, string changeId) => new()
    {
        AlertId = Alert.IdFor(changeId, Company),
        ChangeId = changeId,
        CompanyId = Company,
        Severity = Severity.High,
        Reasons = [new AlertReason(ReasonKind.Destination, "JP", "对日本出口管制")],
        NoticeKey = noticeKey,
        SourceId = "cn-mofcom-announcements",
        Title = "商务部公告",
        Url = "https://corpus.invalid/" + changeId,
        Effective = new DateOnly(2099, 1, 1),
        CreatedAt = new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.Zero),
    };

    private Task<(int ExitCode, string Output, string Error)> Run(params string[] args) => CliRunner.RunAsync([.. args, "--data", _data.Path]);

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task List_Json_OneObjectPerLineWithExactlyTheContractFields()
    {
        await SeedAsync();

        var run = await Run("assess", "list", "--company", Company, "--json");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = Lines(run.Output);
        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(l => l.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).SequenceEqual(new[] { "alerts", "company", "due", "noticeKey", "owner", "state" }));
        var line = lines.Single(l => l.GetProperty("noticeKey").GetString() == Notice);
        (line.GetProperty("company").GetString(), line.GetProperty("state").GetString(), line.GetProperty("due").GetString()).ShouldBe((Company, "new", "2099-01-01"));
        line.GetProperty("alerts")[0].GetString().ShouldBe(Alert.IdFor("c1", Company));
    }

    [Fact]
    public async Task Set_StateOwnerDueNote_AppliedAsCliEvents()
    {
        await SeedAsync();

        var run = await Run("assess", "set", "--company", Company, "--notice", Notice, "--state", "action-needed", "--owner", "compliance@acme.example", "--due", "2026-07-01", "--note", "stop JP shipments");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain("action-needed");
        await using var services = CliServices.Build(_data.Path);
        var assessment = (await services.GetRequiredService<IAssessmentService>().GetAsync(Company, Notice, CancellationToken.None))!;
        (assessment.State, assessment.Owner, assessment.Due, assessment.Note).ShouldBe((AssessmentState.ActionNeeded, "compliance@acme.example", new DateOnly(2026, 7, 1), "stop JP shipments"));
        assessment.Events.Skip(1).ShouldAllBe(e => e.Actor == "cli" && e.Channel == AssessmentChannel.Cli);
    }

    [Fact]
    public async Task List_StateFilter_KeepsOnlyThatState()
    {
        await SeedAsync();
        await Run("assess", "set", "--company", Company, "--notice", UrlNotice, "--state", "in-review");

        var run = await Run("assess", "list", "--company", Company, "--state", "in-review", "--json");

        Lines(run.Output).Select(l => l.GetProperty("noticeKey").GetString()).ShouldBe([UrlNotice]);
    }

    [Fact]
    public async Task Show_UrlKey_PrintsTheHistory()
    {
        await SeedAsync();

        var run = await Run("assess", "show", "--company", Company, "--notice", UrlNotice);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldContain(UrlNotice);
        run.Output.ShouldContain("opened");
    }

    [Theory]
    [InlineData("--state", "done", "cannot move from new to done")]
    [InlineData("--state", "maybe", "not a state")]
    [InlineData("--due", "01.07.2026", "yyyy-MM-dd")]
    [InlineData("--owner", "someone@else.example", "not a recipient")]
    public async Task Set_BadInput_IsBadInputWithOneLine(string option, string value, string expected)
    {
        await SeedAsync();

        var run = await Run("assess", "set", "--company", Company, "--notice", Notice, option, value);

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().Split('\n').Length.ShouldBe(1);
        run.Error.ShouldContain(expected);
    }

    [Fact]
    public async Task Show_AnotherCompanysNotice_IsBadInputNamingIt()
    {
        await SeedAsync();

        var run = await Run("assess", "show", "--company", "beta-metals", "--notice", Notice);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("No assessment");
    }

    [Fact]
    public async Task List_UnknownCompany_IsBadInput()
    {
        var run = await Run("assess", "list", "--company", "nobody");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nobody");
    }
}
