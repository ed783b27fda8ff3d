using System.Text.Json;
using Alerts.Core.Subscriptions;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Subscriptions;

public sealed class CounterpartyJsonConverterTests
{
    [Fact]
    public void Read_PlainString_IsTheName()
    {
        var counterparty = JsonSerializer.Deserialize<Counterparty>("\"TDK株式会社\"", AlertsJson.Web)!;

        counterparty.Name.ShouldBe("TDK株式会社");
        counterparty.AllNames.ShouldBe(["TDK株式会社"]);
    }

    [Fact]
    public void Read_ObjectWithAliases_KeepsEveryName()
    {
        var counterparty = JsonSerializer.Deserialize<Counterparty>("""{"name":"TDK","aliases":["TDK株式会社","TDK Corporation"]}""", AlertsJson.Web)!;

        counterparty.AllNames.ShouldBe(["TDK", "TDK株式会社", "TDK Corporation"]);
    }

    [Fact]
    public void Read_Number_FailsWithAClearMessage() =>
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Counterparty>("42", AlertsJson.Web))
            .Message.ShouldContain("counterparty");

    [Fact]
    public void Recipient_RoleAndCadence_UseLowerCaseWireNames()
    {
        var recipient = JsonSerializer.Deserialize<Recipient>("""{"email":"a@b.example","role":"digest","cadence":"weekly","minSeverity":"high"}""", AlertsJson.Web)!;

        recipient.Role.ShouldBe(RecipientRole.Digest);
        recipient.Cadence.ShouldBe(DigestCadence.Weekly);
        recipient.MinSeverity.ShouldBe(Severity.High);
    }
}
