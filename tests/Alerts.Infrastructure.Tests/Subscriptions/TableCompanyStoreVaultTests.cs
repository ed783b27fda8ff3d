using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.KeyVault;
using Alerts.Infrastructure.Tables;
using Alerts.Testing;
using Alerts.Testing.Azurite;
using Azure;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Infrastructure.Tests.Subscriptions;

/// <summary>In Azure, Teams webhook URLs (bearer secrets) live in Key Vault; the company rows on Azurite hold references.</summary>
[Collection(AzuriteFixture.CollectionName)]
public sealed class TableCompanyStoreVaultTests(AzuriteFixture azurite)
{
    private const string Url = "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRET-SIG";
    private const string OtherUrl = "https://prod-00.westeurope.logic.azure.com/workflows/def/triggers/manual/paths/invoke?api-version=2016-06-01&sig=OTHER-SIG";
    private static int s_counter;

    private readonly FakeSecretClient _secrets = new();
    private readonly string _prefix = $"v{Environment.ProcessId}x{Interlocked.Increment(ref s_counter)}";

    private TableServiceClient Tables => new(azurite.ConnectionString);

    private TableCompanyStore Store() =>
        new(Tables, new TableStorageOptions { TablePrefix = _prefix }, new WebhookSecretVault(_secrets, NullLogger<WebhookSecretVault>.Instance));

    private static Company CompanyWith(params string[] urls) =>
        new CompanyBuilder().WithTeams([.. urls.Select(u => new TeamsWebhook { WebhookUrl = u })]).Build();

    [Fact]
    public async Task Upsert_CompanyWithWebhook_KeepsTheUrlOutOfTheTableRow()
    {
        await Store().UpsertAsync(CompanyWith(Url), CancellationToken.None);

        var row = await RawRowAsync("acme-trading");
        row.ShouldNotContain("SECRET-SIG");
        row.ShouldContain(WebhookSecretVault.ReferencePrefix + WebhookSecretVault.SecretName("acme-trading", Url));
        _secrets.Values.Values.ShouldBe([Url]);
    }

    [Fact]
    public async Task Get_StoredWithAReference_ReadsTheUrlBackFromTheVault()
    {
        await Store().UpsertAsync(CompanyWith(Url), CancellationToken.None);

        // A fresh store (a new process): nothing cached, the URL comes from the vault.
        var company = await Store().GetAsync("acme-trading", CancellationToken.None);

        company!.Teams.Single().WebhookUrl.ShouldBe(Url);
    }

    [Fact]
    public async Task Upsert_SameCompanyTwice_WritesOneSecret()
    {
        var store = Store();
        await store.UpsertAsync(CompanyWith(Url), CancellationToken.None);
        await Store().UpsertAsync(CompanyWith(Url), CancellationToken.None);

        _secrets.Values.Count.ShouldBe(1);
        _secrets.Deleted.ShouldBeEmpty();
    }

    [Fact]
    public async Task Upsert_WebhookReplaced_DeletesTheOldSecret()
    {
        await Store().UpsertAsync(CompanyWith(Url), CancellationToken.None);

        await Store().UpsertAsync(CompanyWith(OtherUrl), CancellationToken.None);

        _secrets.Deleted.ShouldBe([WebhookSecretVault.SecretName("acme-trading", Url)]);
        (await Store().GetAsync("acme-trading", CancellationToken.None))!.Teams.Single().WebhookUrl.ShouldBe(OtherUrl);
    }

    [Fact]
    public async Task Delete_CompanyWithWebhooks_DeletesItsSecrets()
    {
        await Store().UpsertAsync(CompanyWith(Url, OtherUrl), CancellationToken.None);

        (await Store().DeleteAsync("acme-trading", CancellationToken.None)).ShouldBeTrue();

        _secrets.Deleted.Order(StringComparer.Ordinal).ShouldBe(
            new[] { WebhookSecretVault.SecretName("acme-trading", Url), WebhookSecretVault.SecretName("acme-trading", OtherUrl) }.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Get_SecretGoneFromTheVault_KeepsTheReferenceAndStillLoads()
    {
        await Store().UpsertAsync(CompanyWith(Url), CancellationToken.None);
        _secrets.Values.Clear();

        var company = await Store().GetAsync("acme-trading", CancellationToken.None);

        company!.Teams.Single().WebhookUrl.ShouldStartWith(WebhookSecretVault.ReferencePrefix);
    }

    [Fact]
    public async Task Get_RowWrittenBeforeTheVault_ReadsItsUrlAsItIs()
    {
        // A row from before webhooks moved to the vault: the URL in place.
        await new TableCompanyStore(Tables, new TableStorageOptions { TablePrefix = _prefix }).UpsertAsync(CompanyWith(Url), CancellationToken.None);

        var company = await Store().GetAsync("acme-trading", CancellationToken.None);

        company!.Teams.Single().WebhookUrl.ShouldBe(Url);
        _secrets.Values.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAndDelete_RowPointingAtAnotherSecret_NeitherResolveNorDeleteIt()
    {
        // A row written around the validators that names the SendGrid key kept in the same vault.
        _secrets.Values["sendgrid-api-key"] = "SG.secret";
        await new TableCompanyStore(Tables, new TableStorageOptions { TablePrefix = _prefix }).UpsertAsync(CompanyWith("keyvault:sendgrid-api-key"), CancellationToken.None);

        var company = await Store().GetAsync("acme-trading", CancellationToken.None);
        await Store().DeleteAsync("acme-trading", CancellationToken.None);

        company!.Teams.Single().WebhookUrl.ShouldBe("keyvault:sendgrid-api-key");
        _secrets.Deleted.ShouldBeEmpty();
        _secrets.Values["sendgrid-api-key"].ShouldBe("SG.secret");
    }

    private async Task<string> RawRowAsync(string companyId)
    {
        var entity = (await Tables.GetTableClient(_prefix + "companies").GetEntityAsync<TableEntity>("company", companyId)).Value;
        return string.Join("\n", entity.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>A vault in memory: the SDK's mocking constructor and virtual methods, answers from SecretModelFactory.</summary>
    private sealed class FakeSecretClient : SecretClient
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

        public List<string> Deleted { get; } = [];

        public override Task<Response<KeyVaultSecret>> SetSecretAsync(KeyVaultSecret secret, CancellationToken cancellationToken = default)
        {
            Values[secret.Name] = secret.Value;
            return Task.FromResult(Response.FromValue(secret, new FakeResponse(200)));
        }

        public override Task<Response<KeyVaultSecret>> GetSecretAsync(string name, string? version = null, CancellationToken cancellationToken = default) =>
            Values.TryGetValue(name, out var value)
                ? Task.FromResult(Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value), new FakeResponse(200)))
                : throw new RequestFailedException(404, "SecretNotFound");

        public override Task<DeleteSecretOperation> StartDeleteSecretAsync(string name, CancellationToken cancellationToken = default)
        {
            if (!Values.Remove(name))
            {
                throw new RequestFailedException(404, "SecretNotFound");
            }

            Deleted.Add(name);
            return Task.FromResult<DeleteSecretOperation>(null!);
        }
    }

    private sealed class FakeResponse(int status) : Response
    {
        public override int Status => status;

        public override string ReasonPhrase => string.Empty;

        public override Stream? ContentStream { get; set; }

        public override string ClientRequestId { get; set; } = string.Empty;

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<Azure.Core.HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
