namespace Alerts.Infrastructure.Tables;

/// <summary>
/// Section <c>Storage</c>: either a connection string (Azurite, tests) or service URIs with a managed identity (Azure).
/// <code>{ "Storage": { "ConnectionString": "UseDevelopmentStorage=true" } }</code>
/// <code>{ "Storage": { "TableServiceUri": "https://acct.table.core.windows.net", "BlobServiceUri": "https://acct.blob.core.windows.net" } }</code>
/// </summary>
public sealed class TableStorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Prefix for every table and container name, so tests and environments do not collide.</summary>
    public string TablePrefix { get; set; } = "alerts";
}
