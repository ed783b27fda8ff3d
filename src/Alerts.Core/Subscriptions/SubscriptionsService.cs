using System.Text.Json;
using Alerts.Core.Common;

namespace Alerts.Core.Subscriptions;

/// <summary>
/// The import/export file: <c>{"companies":[{"id","name","watch":{…},"recipients":[…],"teams":[…]}]}</c>.
/// </summary>
public sealed record SubscriptionsFile
{
    public IReadOnlyList<Company> Companies { get; init; } = [];
}

/// <summary>What an import did: the companies stored, or the errors that stopped it (nothing stored then).</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<CompanyValidationError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Import (all or nothing, validated), export and listing of companies, over <see cref="ICompanyStore"/>.</summary>
public sealed class SubscriptionsService(ICompanyStore store, CompanyValidator validator)
{
    /// <summary>Parses a subscriptions file; a malformed file is one error naming the JSON path.</summary>
    public static bool TryParse(string json, out IReadOnlyList<Company> companies, out CompanyValidationError? error)
    {
        companies = [];
        error = null;
        try
        {
            var file = JsonSerializer.Deserialize<SubscriptionsFile>(json, AlertsJson.Web);
            if (file?.Companies is null)
            {
                error = new CompanyValidationError("", "companies", "the file has no \"companies\" array");
                return false;
            }

            companies = [.. file.Companies.Select(Complete)];
            return true;
        }
        catch (JsonException exception)
        {
            error = new CompanyValidationError("", exception.Path ?? "$", exception.Message);
            return false;
        }
    }

    /// <summary>Validates every company and stores all of them, or none.</summary>
    public async Task<ImportResult> ImportAsync(string json, CancellationToken cancellationToken)
    {
        if (!TryParse(json, out var companies, out var parseError))
        {
            return new ImportResult(0, [parseError!]);
        }

        return await ImportAsync(companies, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ImportResult> ImportAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var errors = validator.ValidateAll(companies);
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }

        await store.UpsertManyAsync(companies, cancellationToken).ConfigureAwait(false);
        return new ImportResult(companies.Count, []);
    }

    /// <summary>Every stored company, as a file that <see cref="ImportAsync(string, CancellationToken)"/> reads back.</summary>
    public async Task<string> ExportAsync(CancellationToken cancellationToken)
    {
        var companies = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Serialize(new SubscriptionsFile { Companies = companies }, AlertsJson.Indented);
    }

    public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>JSON <c>null</c> for a list becomes an empty list, so later code never meets a null.</summary>
    public static Company Complete(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var watch = company.Watch ?? new WatchProfile();
        return company with
        {
            Watch = watch with
            {
                Categories = watch.Categories ?? [],
                Terms = watch.Terms ?? [],
                HsCodes = watch.HsCodes ?? [],
                ControlCodes = watch.ControlCodes ?? [],
                Counterparties = watch.Counterparties ?? [],
                Destinations = watch.Destinations ?? [],
            },
            Recipients = company.Recipients ?? [],
            Teams = company.Teams ?? [],
        };
    }
}
