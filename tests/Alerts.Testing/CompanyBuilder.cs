using Alerts.Core.Subscriptions;

namespace Alerts.Testing;

/// <summary>Builds companies for tests: a Japanese trading house watching rare earths, with one immediate recipient.</summary>
public sealed class CompanyBuilder
{
    private Company _company = new()
    {
        Id = "acme-trading",
        Name = "Acme Trading K.K.",
        Watch = new WatchProfile { Categories = ["rare-earths"], Destinations = ["JP"] },
        Recipients = [new Recipient { Email = "compliance@acme.example", Role = RecipientRole.Immediate }],
    };

    public CompanyBuilder With(Func<Company, Company> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _company = change(_company);
        return this;
    }

    public CompanyBuilder WithId(string id) => With(c => c with { Id = id, Name = id });

    public CompanyBuilder Watching(Func<WatchProfile, WatchProfile> change) => With(c => c with { Watch = change(c.Watch) });

    public CompanyBuilder WithRecipients(params Recipient[] recipients) => With(c => c with { Recipients = recipients });

    public CompanyBuilder WithTeams(params TeamsWebhook[] hooks) => With(c => c with { Teams = hooks });

    public Company Build() => _company;
}
