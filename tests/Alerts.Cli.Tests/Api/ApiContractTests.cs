using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.Testing;

namespace Alerts.Cli.Tests.Api;

/// <summary>The HTTP contract over a real Kestrel on 127.0.0.1: status codes, problem+json, tenant isolation, admin-only routes.</summary>
public sealed class ApiContractTests : IAsyncLifetime
{
    private readonly ApiTestWorld _world = new();
    private ApiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await ApiTestServer.StartAsync(_world);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement.Clone();
        root.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("status").GetInt32().ShouldBe((int)response.StatusCode);
        root.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
        return root;
    }

    private async Task<HttpResponseMessage> Send(string? key, string method, string path, string? body = null)
    {
        using var client = _server.Client(key);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : Json(body) };
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public static TheoryData<string, string> EveryRoute => new()
    {
        { "GET", "api/companies" },
        { "POST", "api/companies" },
        { "GET", "api/companies/acme-trading" },
        { "PUT", "api/companies/acme-trading" },
        { "DELETE", "api/companies/acme-trading" },
        { "GET", "api/companies/acme-trading/watch" },
        { "PUT", "api/companies/acme-trading/watch" },
        { "GET", "api/companies/acme-trading/recipients" },
        { "PUT", "api/companies/acme-trading/recipients" },
        { "GET", "api/companies/acme-trading/teams" },
        { "PUT", "api/companies/acme-trading/teams" },
        { "POST", "api/companies/acme-trading/keys" },
        { "GET", "api/companies/acme-trading/alerts" },
        { "GET", "api/companies/acme-trading/assessments" },
        { "GET", "api/companies/acme-trading/assessments/cn-mofcom:2026:1" },
        { "POST", "api/companies/acme-trading/assessments/cn-mofcom:2026:1" },
        { "GET", "api/companies/acme-trading/audit?from=2026-06-01&to=2026-06-30" },
        { "GET", "api/alerts" },
        { "GET", "api/alerts/x" },
        { "GET", "api/changes" },
        { "GET", "api/changes/x" },
        { "GET", "api/measures" },
        { "GET", "api/sources" },
        { "GET", "api/status" },
        { "GET", "api/taxonomy" },
        { "GET", "api/deadletters" },
        { "GET", "api/deadletters/dl-1" },
        { "POST", "api/deadletters/dl-1/replay" },
        { "POST", "api/deadletters/replay-all" },
    };

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task AnyRoute_WithoutKey_Is401ProblemWithBearerChallenge(string method, string path)
    {
        using var response = await Send(null, method, path, method is "POST" or "PUT" ? "{}" : null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");
        await ProblemOf(response);
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task AnyRoute_WithUnknownKey_Is401(string method, string path)
    {
        using var response = await Send("guessed-key", method, path, method is "POST" or "PUT" ? "{}" : null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> CompanyRoutesOfB => new()
    {
        { "GET", "api/companies/beta-metals" },
        { "PUT", "api/companies/beta-metals" },
        { "DELETE", "api/companies/beta-metals" },
        { "GET", "api/companies/beta-metals/watch" },
        { "PUT", "api/companies/beta-metals/watch" },
        { "GET", "api/companies/beta-metals/recipients" },
        { "PUT", "api/companies/beta-metals/recipients" },
        { "GET", "api/companies/beta-metals/teams" },
        { "PUT", "api/companies/beta-metals/teams" },
        { "POST", "api/companies/beta-metals/keys" },
        { "GET", "api/companies/beta-metals/alerts" },
        { "GET", "api/companies/beta-metals/audit?from=2026-06-01&to=2026-06-30" },
        { "GET", "api/alerts?company=beta-metals" },
    };

    [Theory]
    [MemberData(nameof(CompanyRoutesOfB))]
    public async Task CompanyKeyOfA_OnCompanyB_AnswersExactlyLikeANonExistentCompany(string method, string path)
    {
        var body = method == "PUT" ? (path.EndsWith("/watch") ? "{}" : path.EndsWith("beta-metals") ? "{\"name\":\"x\"}" : "[]") : null;
        using var forB = await Send(_world.KeyA, method, path, body);
        using var forNobody = await Send(_world.KeyA, method, path.Replace("beta-metals", "zeta-metals"), body);

        forB.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        forNobody.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problemB = await ProblemOf(forB);
        var problemNobody = await ProblemOf(forNobody);
        problemB.GetProperty("detail").GetString()!.Replace("beta-metals", "?").ShouldBe(problemNobody.GetProperty("detail").GetString()!.Replace("zeta-metals", "?"));
        (await _world.Companies.GetAsync(ApiTestWorld.CompanyB, CancellationToken.None))!.Name.ShouldBe("Beta Metals GmbH");
    }

    [Fact]
    public async Task CompanyKeyOfA_GuessingAlertIdsOfB_Gets404()
    {
        foreach (var alert in _world.Alerts.All.Where(a => a.CompanyId == ApiTestWorld.CompanyB))
        {
            using var response = await Send(_world.KeyA, "GET", $"api/alerts/{alert.AlertId}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task CompanyKeyOfA_ListingEverything_SeesOnlyA()
    {
        using var client = _server.Client(_world.KeyA);

        var companies = await client.GetFromJsonAsync<JsonElement>("api/companies");
        var alerts = await client.GetFromJsonAsync<JsonElement>("api/alerts?limit=1000");

        companies.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe([ApiTestWorld.CompanyA]);
        alerts.EnumerateArray().Select(a => a.GetProperty("companyId").GetString()).Distinct().ShouldBe([ApiTestWorld.CompanyA]);
    }

    [Theory]
    [InlineData("GET", "api/status")]
    [InlineData("GET", "api/deadletters")]
    [InlineData("POST", "api/deadletters/dl-1/replay")]
    [InlineData("GET", "api/deadletters/dl-1")]
    [InlineData("POST", "api/deadletters/replay-all")]
    [InlineData("POST", "api/companies")]
    [InlineData("DELETE", "api/companies/acme-trading")]
    [InlineData("POST", "api/companies/acme-trading/keys")]
    public async Task AdminRoute_WithCompanyKey_Is403(string method, string path)
    {
        using var response = await Send(_world.KeyA, method, path, method == "POST" ? "{\"id\":\"new-co\",\"name\":\"New\"}" : null);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ProblemOf(response);
        _world.DeadLetters.Replayed.ShouldBeEmpty();
    }

    [Fact]
    public async Task CreateCompany_AsAdmin_Is201ThenConflict()
    {
        const string body = """{"id":"gamma-chem","name":"Gamma Chemicals","watch":{"categories":["graphite"],"hsCodes":["2504.10"]},"recipients":[{"email":"ops@gamma.example","timeZone":"Europe/Berlin","hour":7}]}""";

        using var created = await Send(ApiTestWorld.AdminKey, "POST", "api/companies", body);
        using var again = await Send(ApiTestWorld.AdminKey, "POST", "api/companies", body);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/companies/gamma-chem");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _world.Companies.GetAsync("gamma-chem", CancellationToken.None))!.Watch.Categories.ShouldBe(["graphite"]);
    }

    [Fact]
    public async Task CreateCompany_Invalid_Is400NamingEveryField()
    {
        const string body = """{"id":"Bad Id","name":"","watch":{"categories":["nope"],"controlCodes":["1C902.a","ZZ"]},"recipients":[{"email":"x@","timeZone":"Nowhere/City"}],"teams":[{"webhookUrl":"https://169.254.169.254/latest"}]}""";

        using var response = await Send(ApiTestWorld.AdminKey, "POST", "api/companies", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemOf(response);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(
            ["id", "name", "watch.categories[0]", "watch.controlCodes[1]", "recipients[0].email", "recipients[0].timeZone", "teams[0].webhookUrl"], ignoreOrder: true);
        (await _world.Companies.GetAsync("Bad Id", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task CreateCompany_MalformedJson_Is400NamingThePath()
    {
        using var response = await Send(ApiTestWorld.AdminKey, "POST", "api/companies", """{"id":"x1","name":"X","recipients":[{"email":"a@b.example","role":"sometimes"}]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemOf(response)).GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("recipients[0].role");
    }

    [Fact]
    public async Task PutTeams_PrivateWebhook_Is400AndNothingIsSaved()
    {
        using var response = await Send(_world.KeyB, "PUT", "api/companies/beta-metals/teams", """[{"webhookUrl":"https://internal.example/hook"}]""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemOf(response)).GetProperty("errors").EnumerateObject().Single().Name.ShouldBe("body[0].webhookUrl");
        (await _world.Companies.GetAsync(ApiTestWorld.CompanyB, CancellationToken.None))!.Teams.Single().WebhookUrl.ShouldContain("SECRET-SIG");
    }

    [Fact]
    public async Task PutWatch_OwnCompany_SavesIt()
    {
        using var response = await Send(_world.KeyA, "PUT", "api/companies/acme-trading/watch", """{"categories":["gallium"],"terms":["氧化镓"],"hsCodes":["811292"],"controlCodes":["3C001"],"counterparties":["TDK",{"name":"三菱","aliases":["Mitsubishi"]}],"destinations":["JP"]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = (await _world.Companies.GetAsync(ApiTestWorld.CompanyA, CancellationToken.None))!;
        saved.Watch.Terms.ShouldBe(["氧化镓"]);
        saved.Watch.Counterparties[1].Aliases.ShouldBe(["Mitsubishi"]);
    }

    [Fact]
    public async Task IssueKey_AsAdmin_ShowsTheKeyOnceAndRotationRevokesTheOld()
    {
        using var first = await Send(ApiTestWorld.AdminKey, "POST", "api/companies/beta-metals/keys");
        var firstKey = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        using var second = await Send(ApiTestWorld.AdminKey, "POST", "api/companies/beta-metals/keys");
        var secondKey = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await Send(firstKey, "GET", "api/companies/beta-metals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(secondKey, "GET", "api/companies/beta-metals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send(_world.KeyB, "GET", "api/companies/beta-metals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeleteCompany_AsAdmin_Is204AndItsKeyStopsWorking()
    {
        using var response = await Send(ApiTestWorld.AdminKey, "DELETE", "api/companies/beta-metals");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Send(_world.KeyB, "GET", "api/companies/beta-metals")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Alerts_FilteredBySeverity_ReturnsOnlyThatOrHigher()
    {
        using var client = _server.Client(ApiTestWorld.AdminKey);

        var alerts = await client.GetFromJsonAsync<JsonElement>("api/alerts?severity=high");

        alerts.EnumerateArray().Select(a => a.GetProperty("severity").GetString()).ShouldBe(["high", "critical"], ignoreOrder: true);
    }

    [Fact]
    public async Task Alert_ByItsCompany_HasReasons()
    {
        var alert = _world.Alerts.All.First(a => a.CompanyId == ApiTestWorld.CompanyA);
        using var client = _server.Client(_world.KeyA);

        var json = await client.GetFromJsonAsync<JsonElement>($"api/alerts/{alert.AlertId}");

        json.GetProperty("reasons")[0].GetProperty("snippet").GetString().ShouldBe(alert.Reasons[0].Snippet);
    }

    [Fact]
    public async Task Change_WithDiff_ReturnsNoticeAndDiff()
    {
        using var client = _server.Client(_world.KeyA);

        var json = await client.GetFromJsonAsync<JsonElement>($"api/changes/{_world.StoredDiffChange.Change.ChangeId}");

        json.GetProperty("diff").GetString().ShouldBe(_world.StoredDiffChange.Diff);
        json.GetProperty("notice").GetProperty("key").GetString().ShouldBe("jp-meti:2026:0612");
    }

    [Fact]
    public async Task Status_AsAdmin_HasQueuesAndDeliveryWindows()
    {
        using var client = _server.Client(ApiTestWorld.AdminKey);

        var json = await client.GetFromJsonAsync<JsonElement>("api/status");

        json.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("subscription").GetString() == "teams").GetProperty("deadLettered").GetInt64().ShouldBe(1);
        json.GetProperty("deliveriesLast24Hours").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64()).ShouldBe(_world.Ledger.All.Count(r => r.At >= ApiTestWorld.Now.AddHours(-24)));
        json.GetProperty("deliveriesLast7Days").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64()).ShouldBe(_world.Ledger.All.Count(r => r.At >= ApiTestWorld.Now.AddDays(-7)));
        json.GetProperty("sources").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Replay_AsAdmin_Is202ThenUnknownIs404()
    {
        using var replayed = await Send(ApiTestWorld.AdminKey, "POST", "api/deadletters/dl-1/replay");
        using var again = await Send(ApiTestWorld.AdminKey, "POST", "api/deadletters/dl-1/replay");

        replayed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newMessageId").GetString().ShouldEndWith(":replay:1");
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _world.DeadLetters.Replayed.ShouldBe(["dl-1"]);
    }

    [Fact]
    public async Task DeadLetter_AsAdmin_IsTheLetterWithItsBodyThenUnknownIs404()
    {
        using var found = await Send(ApiTestWorld.AdminKey, "GET", $"api/deadletters/{Uri.EscapeDataString("email/dl-2")}");
        using var unknown = await Send(ApiTestWorld.AdminKey, "GET", "api/deadletters/teams:nope");

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("description").GetString().ShouldBe("<b>bad</b> payload");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ProblemOf(unknown);
    }

    [Fact]
    public async Task ReplayAll_AsAdminForOneSubscription_ReplaysOnlyItsLetters()
    {
        using var replayed = await Send(ApiTestWorld.AdminKey, "POST", "api/deadletters/replay-all?subscription=email");

        replayed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await replayed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(a => a.GetProperty("deadLetterId").GetString()).ShouldBe(["email/dl-2"]);
        _world.DeadLetters.Replayed.ShouldBe(["email/dl-2"]);
    }

    [Fact]
    public async Task ReplayAll_UnknownSubscription_Is400AndReplaysNothing()
    {
        using var response = await Send(ApiTestWorld.AdminKey, "POST", "api/deadletters/replay-all?subscription=sms");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemOf(response)).GetProperty("detail").GetString()!.ShouldContain("unknown subscription 'sms'");
        _world.DeadLetters.Replayed.ShouldBeEmpty();
    }

    [Fact]
    public async Task Root_RedirectsToTheDashboard()
    {
        // Issue 15 item 8: '/' answered 404 where a user opens the address alerts run prints.
        using var response = await Send(null, "GET", "/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/dashboard");
    }

    [Fact]
    public async Task Replay_IdWithASlashEncodedInThePath_Is202()
    {
        using var replayed = await Send(ApiTestWorld.AdminKey, "POST", $"api/deadletters/{Uri.EscapeDataString("email/dl-2")}/replay");

        replayed.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deadLetterId").GetString().ShouldBe("email/dl-2");
        _world.DeadLetters.Replayed.ShouldBe(["email/dl-2"]);
    }

    [Fact]
    public async Task FormEndpoint_IdWithASlashEncodedInThePath_Replays()
    {
        using var client = _server.Client();
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("key", ApiTestWorld.AdminKey)]);

        using var response = await client.PostAsync($"dashboard/deadletters/{Uri.EscapeDataString("email/dl-2")}/replay", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        _world.DeadLetters.Replayed.ShouldBe(["email/dl-2"]);
    }

    [Fact]
    public async Task Taxonomy_WithCompanyKey_ListsCategories()
    {
        using var client = _server.Client(_world.KeyA);

        var json = await client.GetFromJsonAsync<JsonElement>("api/taxonomy");

        json.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain("rare-earth-magnets");
    }

    [Fact]
    public async Task Measures_AnyKey_IsAJsonArray()
    {
        using var client = _server.Client(_world.KeyA);

        var json = await client.GetFromJsonAsync<JsonElement>("api/measures?at=2026-01-15");

        json.ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task Measures_AtNotADate_Is400NamingAt()
    {
        using var response = await Send(_world.KeyA, "GET", "api/measures?at=15.01.2026", null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"at\"");
    }

    [Fact]
    public async Task Measures_CompanyKeyOfA_ForCompanyB_Is404()
    {
        using var response = await Send(_world.KeyA, "GET", "api/measures?company=beta-metals", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assessment_UrlNoticeKeyEscapedInThePath_PostThenGetRoundTrips()
    {
        var path = "api/companies/acme-trading/assessments/" + Uri.EscapeDataString(ApiTestWorld.UrlNoticeKey);

        using var posted = await Send(_world.KeyA, "POST", path, """{"state":"in-review"}""");
        using var client = _server.Client(_world.KeyA);
        var json = await client.GetFromJsonAsync<JsonElement>(path);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (json.GetProperty("noticeKey").GetString(), json.GetProperty("state").GetString()).ShouldBe((ApiTestWorld.UrlNoticeKey, "in-review"));
        json.GetProperty("events").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Assessment_CompanyKeyOfA_PostToCompanyB_Is404()
    {
        using var response = await Send(_world.KeyA, "POST", "api/companies/beta-metals/assessments/cn-mofcom:2025:46", """{"state":"in-review"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _world.Assessments.GetAsync("beta-metals", "cn-mofcom:2025:46", CancellationToken.None))!.State.ShouldBe(Alerts.Core.Assessments.AssessmentState.New);
    }

    [Fact]
    public async Task Audit_CompanyKey_DownloadsTheZipAsAnAttachment()
    {
        using var response = await Send(_world.KeyA, "GET", "api/companies/acme-trading/audit?from=2026-06-01&to=2026-06-30");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("audit-acme-trading-2026-06-01-2026-06-30.zip");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        zip.GetEntry("manifest.json").ShouldNotBeNull();
    }

    [Fact]
    public async Task Audit_ToBeforeFrom_Is400NamingTo()
    {
        using var response = await Send(_world.KeyA, "GET", "api/companies/acme-trading/audit?from=2026-06-30&to=2026-06-01");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemOf(response)).GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var huge = "{\"name\":\"" + new string('x', 300 * 1024) + "\"}";

        using var response = await Send(ApiTestWorld.AdminKey, "PUT", "api/companies/acme-trading", huge);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await ProblemOf(response);
    }

    public static TheoryData<string, string> BadForms
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var path in new[] { "dashboard/deadletters/dl-1/replay", $"companies/{ApiTestWorld.CompanyA}/alerts" })
            {
                data.Add(path, "malformed-multipart");
                data.Add(path, "too-many-fields");
                data.Add(path, "huge-field");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BadForms))]
    public async Task FormEndpoint_UnreadableForm_Returns400NotA500(string path, string kind)
    {
        HttpContent content = kind switch
        {
            "malformed-multipart" => new StringContent("--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nabc", Encoding.UTF8),
            "too-many-fields" => new StringContent(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), Encoding.UTF8),
            _ => new StringContent("key=" + new string('a', 5 * 1024 * 1024), Encoding.UTF8),
        };
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
            kind == "malformed-multipart" ? "multipart/form-data; boundary=b" : "application/x-www-form-urlencoded");
        using var client = _server.Client();

        using var response = await client.PostAsync(path, content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemOf(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["body"]);
        _world.DeadLetters.Replayed.ShouldBeEmpty();
    }

    [Fact]
    public async Task FormEndpoint_ReadableFormWithAdminKey_ReplaysAndRedirects()
    {
        using var client = _server.Client();
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("key", ApiTestWorld.AdminKey)]);

        using var response = await client.PostAsync("dashboard/deadletters/dl-1/replay", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        _world.DeadLetters.Replayed.ShouldBe(["dl-1"]);
    }

    [Fact]
    public async Task FormEndpoint_ReadableKeyFormAsMultipart_SetsTheCookieAndRedirects()
    {
        using var client = _server.Client();
        using var form = new MultipartFormDataContent { { new StringContent(_world.KeyA), "key" } };

        using var response = await client.PostAsync($"companies/{ApiTestWorld.CompanyA}/alerts", form);

        response.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        response.Headers.GetValues("Set-Cookie").ShouldNotBeEmpty();
    }
}
