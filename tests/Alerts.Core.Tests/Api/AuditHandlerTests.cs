using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Core.Api;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Tests.Api;

/// <summary>Issue 19: <c>GET /api/companies/{id}/audit</c> hands out the company's audit pack, and only to whom it belongs.</summary>
public sealed class AuditHandlerTests : IDisposable
{
    private const string From = "2026-06-01";
    private const string To = "2026-06-30";
    private static readonly byte[] PageBytes = Encoding.UTF8.GetBytes("<html><body>商务部公告2026年第1号</body></html>");

    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;
    private readonly string _pageSha;

    public AuditHandlerTests()
    {
        // The seeded ban notice was read from a page the archive kept, as a poll would have left it.
        _pageSha = _world.Pages.Put(PageBytes, ApiTestWorld.Now.AddDays(-2));
        _world.Changes.Add(_world.AddedChange with
        {
            Pages = [new ArchivedPage(FetchedRole.Page, "http://www.mofcom.gov.cn/art_1.html", _pageSha, "text/html", ApiTestWorld.Now.AddDays(-2), PageBytes.Length)],
        });
        _services = _world.BuildServices();
    }

    public void Dispose() => _services.Dispose();

    private AuditHandlers Handlers => _services.GetRequiredService<AuditHandlers>();

    private string BearerA => "Bearer " + _world.KeyA;

    private Task<ApiResult> PackA(string? from, string? to) => Handlers.PackAsync(BearerA, ApiTestWorld.CompanyA, from, to, CancellationToken.None);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task PackAsync_CompanyKey_ReturnsAZipAttachmentNamedForCompanyAndPeriod()
    {
        var result = await PackA(From, To);

        result.StatusCode.ShouldBe(200);
        result.ContentType.ShouldBe("application/zip");
        result.Headers["Content-Disposition"].ShouldBe("attachment; filename=\"audit-acme-trading-2026-06-01-2026-06-30.zip\"");
    }

    [Fact]
    public async Task PackAsync_CompanyKey_ManifestListsTheSha256OfEveryOtherEntry()
    {
        var entries = Entries((await PackA(From, To)).Bytes!);

        var manifest = JsonSerializer.Deserialize<List<JsonElement>>(entries["manifest.json"])!
            .ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("sha256").GetString()!);
        manifest.Keys.ShouldBe(entries.Keys.Where(k => k != "manifest.json"), ignoreOrder: true);
        foreach (var (path, sha) in manifest)
        {
            Sha256(entries[path]).ShouldBe(sha, path);
        }
    }

    [Fact]
    public async Task PackAsync_CompanyKey_HoldsThePageBytesAsKept()
    {
        var entries = Entries((await PackA(From, To)).Bytes!);

        entries.ShouldContain(e => e.Key.EndsWith("page-" + _pageSha + ".html", StringComparison.Ordinal) && e.Value.SequenceEqual(PageBytes));
    }

    [Fact]
    public async Task PackAsync_DatesMissing_Is400NamingBoth()
    {
        var result = await PackA(null, "");

        result.StatusCode.ShouldBe(400);
        var problem = result.Body.ShouldBeOfType<ApiProblem>();
        problem.Errors!.Keys.ShouldBe(["from", "to"], ignoreOrder: true);
        problem.Errors["from"].ShouldHaveSingleItem().ShouldContain("yyyy-MM-dd");
    }

    [Theory]
    [InlineData("2026-6-1")]
    [InlineData("2026-02-30")]
    [InlineData("June 1")]
    public async Task PackAsync_FromNotADate_Is400NamingFrom(string from)
    {
        var result = await PackA(from, To);

        result.StatusCode.ShouldBe(400);
        result.Body.ShouldBeOfType<ApiProblem>().Errors!.Keys.ShouldBe(["from"]);
    }

    [Fact]
    public async Task PackAsync_ToBeforeFrom_Is400SayingSo()
    {
        var result = await PackA(To, From);

        result.StatusCode.ShouldBe(400);
        result.Body.ShouldBeOfType<ApiProblem>().Detail.ShouldContain("2026-06-01 is before from 2026-06-30");
    }

    [Fact]
    public async Task PackAsync_OtherCompanysKey_Is404LikeAnUnknownCompany()
    {
        var other = await Handlers.PackAsync("Bearer " + _world.KeyB, ApiTestWorld.CompanyA, From, To, CancellationToken.None);
        var unknown = await Handlers.PackAsync("Bearer " + _world.KeyB, "zeta-metals", From, To, CancellationToken.None);

        (other.StatusCode, unknown.StatusCode).ShouldBe((404, 404));
        other.Bytes.ShouldBeNull();
    }

    [Fact]
    public async Task PackAsync_AdminKeyUnknownCompany_Is404()
    {
        var result = await Handlers.PackAsync("Bearer " + ApiTestWorld.AdminKey, "zeta-metals", From, To, CancellationToken.None);

        result.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task PackAsync_NoKey_Is401() =>
        (await Handlers.PackAsync(null, ApiTestWorld.CompanyA, From, To, CancellationToken.None)).StatusCode.ShouldBe(401);
}
