using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;

namespace Alerts.Core.Api;

/// <summary>A Teams webhook as the API shows it: the query (with its <c>sig=</c> secret) is never echoed.</summary>
public sealed record TeamsWebhookView(string Id, string WebhookUrl, Severity MinSeverity)
{
    public static TeamsWebhookView From(TeamsWebhook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return new TeamsWebhookView(ContentHash.Short(hook.WebhookUrl), Redact(hook.WebhookUrl), hook.MinSeverity);
    }

    /// <summary><c>https://host/path?sig=…</c> → <c>https://host/path?…</c>.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(uri.Query) ? "" : "?…")
            : "(invalid)";
}

/// <summary>A company as the API shows it.</summary>
public sealed record CompanyView(string Id, string Name, WatchProfile Watch, IReadOnlyList<Recipient> Recipients, IReadOnlyList<TeamsWebhookView> Teams)
{
    public static CompanyView From(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return new CompanyView(company.Id, company.Name, company.Watch, company.Recipients, [.. company.Teams.Select(TeamsWebhookView.From)]);
    }
}

/// <summary>
/// <c>/api/companies…</c>: companies, their watch profile, recipients, Teams webhooks and keys.
/// A company key sees and edits only its own company; another id answers exactly like an unknown one (404).
/// Creating and deleting companies and issuing keys need the admin key.
/// </summary>
public sealed class CompanyHandlers(ApiKeyService keys, ICompanyStore companies, IApiKeyStore keyStore, CompanyRequestValidator validator, IOptions<ApiOptions> options)
{
    private int MaxBody => options.Value.MaxBodyBytes;

    public async Task<ApiResult> ListAsync(string? authorization, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (caller.IsAdmin)
        {
            var all = await companies.ListAsync(cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(all.Select(CompanyView.From).ToList());
        }

        var own = await companies.GetAsync(caller.CompanyId!, cancellationToken).ConfigureAwait(false);
        return ApiResult.Ok(own is null ? new List<CompanyView>() : [CompanyView.From(own)]);
    }

    public Task<ApiResult> GetAsync(string? authorization, string companyId, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, company => Task.FromResult(ApiResult.Ok(CompanyView.From(company))), cancellationToken);

    public async Task<ApiResult> CreateAsync(string? authorization, string? body, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (!caller.IsAdmin)
        {
            return Problems.Forbidden();
        }

        if (!ApiJson.TryRead<Company>(body, MaxBody, out var company, out var error))
        {
            return error!;
        }

        var errors = new ValidationErrors();
        await validator.ValidateAsync(company!, errors, cancellationToken).ConfigureAwait(false);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (await companies.GetAsync(company!.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            return Problems.Conflict($"A company with id '{company.Id}' exists already; use PUT /api/companies/{company.Id}.");
        }

        await companies.UpsertAsync(company, cancellationToken).ConfigureAwait(false);
        return ApiResult.Created(CompanyView.From(company), $"/api/companies/{company.Id}");
    }

    /// <summary>Replaces name, watch profile, recipients and webhooks. The id in the body, when given, must match the path.</summary>
    public Task<ApiResult> ReplaceAsync(string? authorization, string companyId, string? body, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, async existing =>
        {
            if (!ApiJson.TryRead<CompanyUpdate>(body, MaxBody, out var update, out var error))
            {
                return error!;
            }

            if (update!.Id is not null && !string.Equals(update.Id, companyId, StringComparison.Ordinal))
            {
                return Problems.Invalid("id", "must match the id in the path (ids cannot be changed)");
            }

            var company = existing with
            {
                Name = update.Name ?? "",
                Watch = update.Watch ?? new WatchProfile(),
                Recipients = update.Recipients ?? [],
                Teams = update.Teams ?? [],
            };
            return await SaveAsync(company, errors => validator.ValidateAsync(company, errors, cancellationToken), CompanyView.From(company), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ApiResult> DeleteAsync(string? authorization, string companyId, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: true, async _ =>
        {
            await companies.DeleteAsync(companyId, cancellationToken).ConfigureAwait(false);
            await keyStore.DeleteCompanyKeysAsync(companyId, cancellationToken).ConfigureAwait(false);
            return ApiResult.NoContent();
        }, cancellationToken);

    public Task<ApiResult> GetWatchAsync(string? authorization, string companyId, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, company => Task.FromResult(ApiResult.Ok(company.Watch)), cancellationToken);

    public Task<ApiResult> ReplaceWatchAsync(string? authorization, string companyId, string? body, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, async existing =>
        {
            if (!ApiJson.TryRead<WatchProfile>(body, MaxBody, out var watch, out var error))
            {
                return error!;
            }

            var company = existing with { Watch = watch! };
            return await SaveAsync(company, errors => { validator.ValidateWatch(watch, "", errors); return Task.CompletedTask; }, watch!, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ApiResult> GetRecipientsAsync(string? authorization, string companyId, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, company => Task.FromResult(ApiResult.Ok(company.Recipients)), cancellationToken);

    public Task<ApiResult> ReplaceRecipientsAsync(string? authorization, string companyId, string? body, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, async existing =>
        {
            if (!ApiJson.TryRead<List<Recipient>>(body, MaxBody, out var recipients, out var error))
            {
                return error!;
            }

            var company = existing with { Recipients = recipients! };
            return await SaveAsync(company, errors => { CompanyRequestValidator.ValidateRecipients(recipients, "body", errors); return Task.CompletedTask; }, recipients!, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<ApiResult> GetTeamsAsync(string? authorization, string companyId, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, company => Task.FromResult(ApiResult.Ok(company.Teams.Select(TeamsWebhookView.From).ToList())), cancellationToken);

    public Task<ApiResult> ReplaceTeamsAsync(string? authorization, string companyId, string? body, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: false, async existing =>
        {
            if (!ApiJson.TryRead<List<TeamsWebhook>>(body, MaxBody, out var hooks, out var error))
            {
                return error!;
            }

            var company = existing with { Teams = hooks! };
            return await SaveAsync(company, errors => validator.ValidateTeamsAsync(hooks, "body", errors, cancellationToken), hooks!.Select(TeamsWebhookView.From).ToList(), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary><c>POST /api/companies/{id}/keys</c> (admin): creates or rotates the company's key and shows it once.</summary>
    public Task<ApiResult> IssueKeyAsync(string? authorization, string companyId, CancellationToken cancellationToken) =>
        WithCompanyAsync(authorization, companyId, adminOnly: true, async company =>
        {
            var issued = await keys.IssueCompanyKeyAsync(company.Id, cancellationToken).ConfigureAwait(false);
            return ApiResult.Created(issued, $"/api/companies/{company.Id}") with
            {
                Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
            };
        }, cancellationToken);

    private async Task<ApiResult> WithCompanyAsync(
        string? authorization,
        string companyId,
        bool adminOnly,
        Func<Company, Task<ApiResult>> action,
        CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        // Another company's id answers like an unknown id, before anything else is looked at.
        if (!caller.CanSee(companyId) || !CompanyRequestValidator.IsValidCompanyId(companyId))
        {
            return Problems.NotFound("company", companyId);
        }

        if (adminOnly && !caller.IsAdmin)
        {
            return Problems.Forbidden();
        }

        var company = await companies.GetAsync(companyId, cancellationToken).ConfigureAwait(false);
        return company is null ? Problems.NotFound("company", companyId) : await action(company).ConfigureAwait(false);
    }

    private async Task<ApiResult> SaveAsync(Company company, Func<ValidationErrors, Task> validate, object answer, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        await validate(errors).ConfigureAwait(false);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        await companies.UpsertAsync(company, cancellationToken).ConfigureAwait(false);
        return ApiResult.Ok(answer);
    }
}

/// <summary>The body of <c>PUT /api/companies/{id}</c>: everything but the id, which the path gives.</summary>
public sealed record CompanyUpdate
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public WatchProfile? Watch { get; init; }

    public IReadOnlyList<Recipient>? Recipients { get; init; }

    public IReadOnlyList<TeamsWebhook>? Teams { get; init; }
}
