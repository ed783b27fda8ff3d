namespace Alerts.Core.Subscriptions;

/// <summary>Companies and their subscriptions. Adapters: SQLite (embedded default) and Azure Tables.</summary>
public interface ICompanyStore
{
    Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken);

    Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken);

    Task UpsertAsync(Company company, CancellationToken cancellationToken);

    /// <summary>All or nothing: used by import.</summary>
    Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken);
}
