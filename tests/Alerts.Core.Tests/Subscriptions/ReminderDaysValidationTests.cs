using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;

namespace Alerts.Core.Tests.Subscriptions;

/// <summary>Reminder lead days of recipients and webhooks, checked by the one <see cref="CompanyValidator"/>.</summary>
public sealed class ReminderDaysValidationTests
{
    private readonly CompanyValidator _sut = new(GoodsTaxonomy.Default);

    [Fact]
    public void Recipient_ReminderDaysByDefault_AreSevenAndOne()
    {
        new Recipient { Email = "a@example.com" }.ReminderDays.ShouldBe([7, 1]);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 14, 3, 1 })]
    [InlineData(new[] { 90 })]
    public void Validate_RecipientWithValidReminderDays_HasNoErrors(int[] days)
    {
        _sut.Validate(new CompanyBuilder().WithRecipients(new Recipient { Email = "a@example.com", ReminderDays = days }).Build()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new[] { 0 }, "1–90")]
    [InlineData(new[] { 91 }, "1–90")]
    [InlineData(new[] { 7, 7 }, "more than once")]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, "more than 5")]
    public void Validate_RecipientWithBadReminderDays_NamesTheField(int[] days, string message)
    {
        var errors = _sut.Validate(new CompanyBuilder().WithRecipients(new Recipient { Email = "a@example.com", ReminderDays = days }).Build());

        var error = errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("recipients[0].reminderDays");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Validate_RecipientWithNullReminderDays_AsksForAnEmptyList()
    {
        var errors = _sut.Validate(new CompanyBuilder().WithRecipients(new Recipient { Email = "a@example.com", ReminderDays = null! }).Build());

        errors.ShouldHaveSingleItem().Message.ShouldContain("use []");
    }

    [Fact]
    public void Validate_WebhookWithBadReminderDays_NamesTheField()
    {
        var errors = _sut.Validate(new CompanyBuilder().WithTeams(new TeamsWebhook { WebhookUrl = "https://example.webhook.office.com/x", ReminderDays = [0] }).Build());

        errors.ShouldHaveSingleItem().Field.ShouldBe("teams[0].reminderDays");
    }
}
