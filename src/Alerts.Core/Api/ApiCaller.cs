namespace Alerts.Core.Api;

/// <summary>Who is calling: the admin (ops), or one company through its own key.</summary>
public sealed record ApiCaller(bool IsAdmin, string? CompanyId)
{
    public static ApiCaller Admin { get; } = new(true, null);

    public static ApiCaller ForCompany(string companyId) => new(false, companyId);

    /// <summary>The admin sees every company; a company key sees only its own.</summary>
    public bool CanSee(string companyId) => IsAdmin || string.Equals(CompanyId, companyId, StringComparison.Ordinal);
}
