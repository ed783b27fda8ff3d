using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Cli.Commands;
using Alerts.Cli.Demo;
using Alerts.Core.Assessments;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 19's acceptance, end to end under the embedded host of <c>alerts run</c> over the recorded MOFCOM site: a new
/// Control List notice (2026 No.27, 20 Japanese entities) → an alert e-mail in the outbox → its "Assign to me" link →
/// "action needed" and then "done" through the API with the company's own key → <c>alerts audit</c>: the pack holds the
/// notice's page exactly as the site served it, the e-mail's delivery row and the five assessment events in order.
/// </summary>
public sealed partial class AssessmentAuditRunTests : IAsyncLifetime
{
    private const string No27Page = "zcfb/blgg/gg/2026/art/2026/art_df87be14c2b34e6b9a0e4f5d3c2b1a70.html";
    private const string NoticeKey = "cn-mofcom:2026:27";
    private const string CompanyId = "kanto-defence-parts";
    private const string Officer = "export-control@kanto-defence-parts.example.com";
    private const string AdminKey = "e2e-admin-key-0123456789abcdef0123456789abcdef";

    // 防卫研究所 is the first entity No.27 lists; the company supplies it and ships to Japan.
    private static readonly string CompaniesJson = $$"""
        {"companies":[{"id":"{{CompanyId}}","name":"Kanto Defence Parts K.K.",
          "watch":{"counterparties":[{"name":"National Institute for Defense Studies","aliases":["防卫研究所","防衛研究所"]}],"destinations":["JP"]},
          "recipients":[{"email":"{{Officer}}","role":"immediate","minSeverity":"medium"}]}]}
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _data = new("alerts-run-assess");
    private readonly FixtureSite _site = new();
    private RecordedSiteServer _server = null!;
    private string _no27Row = "";

    private string Outbox => Path.Combine(_data.Path, "outbox");

    public async Task InitializeAsync()
    {
        // No.27 is not on the listing yet: the first poll's baseline must not know it, so publishing it later is new.
        var index = File.ReadAllText(SitePath(FixtureSite.Index2026));
        var start = index.LastIndexOf("<li>", index.IndexOf("/" + No27Page, StringComparison.Ordinal), StringComparison.Ordinal);
        var end = index.IndexOf("</li>", start, StringComparison.Ordinal) + "</li>".Length;
        _no27Row = index[start..end];
        File.WriteAllText(SitePath(FixtureSite.Index2026), index.Remove(start, end - start));
        _server = await RecordedSiteServer.StartAsync(new Dictionary<string, string> { [FixtureSite.SourceId] = _site.Folder }, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _site.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task NewControlListNotice_AssessedFromTheEmailAndTheApi_AuditPackHoldsBytesDeliveriesAndEvents()
    {
        string? mailId;
        await using (var host = await FixtureSiteRun.StartAsync(_data.Path, _server, new DateTimeOffset(2026, 7, 2, 3, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?> { ["Api:AdminKey"] = AdminKey }))
        {
            (await host.Services.GetRequiredService<SubscriptionsService>().ImportAsync(CompaniesJson, CancellationToken.None)).Errors.ShouldBeEmpty();
            var health = host.Services.GetRequiredService<HealthService>();
            await WaitUntilAsync(async () => (await health.CheckAsync(CancellationToken.None)).Sources.Any(s => s.Id == FixtureSite.SourceId && s.Outcome == "ok"));
            FixtureSiteRun.Files(Outbox, "*.eml").ShouldBeEmpty("the first poll is the baseline");

            PublishNo27();
            await WaitUntilAsync(() => Task.FromResult(FixtureSiteRun.Files(Outbox, $"alert-*{CompanyId}*.eml").Length > 0));
            var mail = MimeKit.MimeMessage.Load(Path.Combine(Outbox, FixtureSiteRun.Files(Outbox, $"alert-*{CompanyId}*.eml").Single()));
            mail.To.ToString().ShouldContain(Officer);
            mailId = mail.MessageId;
            var assign = AssignLink().Match(mail.HtmlBody ?? "");
            assign.Success.ShouldBeTrue("the e-mail carries an Assign to me link");

            var baseUrl = new Uri(host.Configuration["Delivery:PublicBaseUrl"]!);
            using var http = new HttpClient { BaseAddress = baseUrl };
            var link = new Uri(WebUtility.HtmlDecode(assign.Groups["url"].Value));
            link.Authority.ShouldBe(baseUrl.Authority, "the link points at this host");

            // The link's GET only confirms (a mail scanner opening it changes nothing); its POST acts, once.
            (await http.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await State(host)).ShouldBe(AssessmentState.New);
            (await http.PostAsync(link, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await State(host)).ShouldBe(AssessmentState.InReview);

            var companyKey = await CompanyKeyAsync(http);
            var assessment = $"api/companies/{CompanyId}/assessments/{Uri.EscapeDataString(NoticeKey)}";
            foreach (var state in new[] { "action-needed", "done" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, assessment) { Content = JsonContent.Create(new { state }) };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", companyKey);
                var answer = await http.SendAsync(request);
                answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            }

            (await State(host)).ShouldBe(AssessmentState.Done);
            await host.StopAsync();
        }

        var pack = Path.Combine(_data.Path, "pack.zip");
        var (exitCode, _, error) = await CliRunner.RunAsync("audit", "--company", CompanyId, "--from", "2026-07-01", "--to", "2026-07-31", "--out", pack, "--data", _data.Path);
        exitCode.ShouldBe(ExitCodes.Ok, error);

        using var zip = ZipFile.OpenRead(pack);
        var manifest = JsonDocument.Parse(Read(zip, "manifest.json")).RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
        manifest.Keys.Order(StringComparer.Ordinal).ShouldBe(zip.Entries.Select(e => e.FullName).Where(n => n != "manifest.json").Order(StringComparer.Ordinal));
        foreach (var (path, sha) in manifest)
        {
            Sha256(Read(zip, path)).ShouldBe(sha, path);
        }

        // The page exactly as the site served it: the same bytes as the recorded file, named by their hash.
        var served = Sha256(File.ReadAllBytes(SitePath(No27Page)));
        manifest.ShouldContain(p => p.Value == served && p.Key.Contains("/page-" + served, StringComparison.Ordinal));

        var folder = manifest.Keys.Single(p => p.EndsWith("/deliveries.json", StringComparison.Ordinal))[..^"deliveries.json".Length];
        folder.ShouldContain("cn-mofcom-2026-27");
        var deliveries = JsonDocument.Parse(Read(zip, folder + "deliveries.json")).RootElement.EnumerateArray().ToList();
        var sent = deliveries.Where(d => string.Equals(d.GetProperty("channel").GetString(), "email", StringComparison.OrdinalIgnoreCase)
            && d.GetRawText().Contains(Officer, StringComparison.OrdinalIgnoreCase)).ShouldHaveSingleItem(string.Join("\n", deliveries.Select(d => d.GetRawText())));
        sent.GetProperty("providerMessageId").GetString().ShouldBe(mailId, "the ledger row names the message the officer received");

        var events = JsonDocument.Parse(Read(zip, folder + "assessment-events.json")).RootElement.EnumerateArray()
            .Select(e => (Action: e.GetProperty("action").GetString(), State: e.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                Channel: e.GetProperty("channel").GetString()))
            .ToList();
        events.ShouldBe(
        [
            ("opened", "new", "system"),
            ("assigned", null, "email-link"),
            ("state-changed", "in-review", "email-link"),
            ("state-changed", "action-needed", "api"),
            ("state-changed", "done", "api"),
        ]);
    }

    private void PublishNo27()
    {
        var index = File.ReadAllText(SitePath(FixtureSite.Index2026));
        var first = index.IndexOf("<li>", StringComparison.Ordinal);
        File.WriteAllText(SitePath(FixtureSite.Index2026), index.Insert(first, _no27Row + "\n      "));
    }

    private static async Task<AssessmentState?> State(WebApplication host) =>
        (await host.Services.GetRequiredService<IAssessmentService>().GetAsync(CompanyId, NoticeKey, CancellationToken.None))?.State;

    private static async Task<string> CompanyKeyAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/companies/{CompanyId}/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var answer = await http.SendAsync(request);
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private string SitePath(string page) => Path.Combine(_site.Folder, page);

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path).ShouldNotBeNull(path).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Task WaitUntilAsync(Func<Task<bool>> condition) => FixtureSiteRun.WaitUntilAsync(condition, Patience, TimeSpan.FromMilliseconds(100));

    [GeneratedRegex("<a href=\"(?<url>[^\"]+/act/[^\"]+)\">Assign to me</a>")]
    private static partial Regex AssignLink();
}
