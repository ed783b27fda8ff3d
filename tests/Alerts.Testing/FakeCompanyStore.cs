using Alerts.Core.Subscriptions;

namespace Alerts.Testing;

/// <summary>Companies in memory.</summary>
public sealed class FakeCompanyStore(params Company[] companies) : ICompanyStore
{
    private readonly Dictionary<string, Company> _companies = companies.ToDictionary(c => c.Id);

    public Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Company>>(_companies.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());

    public Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken) =>
        Task.FromResult(_companies.GetValueOrDefault(companyId));

    public Task UpsertAsync(Company company, CancellationToken cancellationToken)
    {
        _companies[company.Id] = company;
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        foreach (var company in companies)
        {
            _companies[company.Id] = company;
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken) => Task.FromResult(_companies.Remove(companyId));
}
