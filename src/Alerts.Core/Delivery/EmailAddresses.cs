namespace Alerts.Core.Delivery;

internal static class EmailAddresses
{
    /// <summary>
    /// The one form of an address in ledger keys, digest cursors and outbox file names, so that case or stray spaces
    /// never make a second recipient (nor a second send to the same one).
    /// </summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
