using Alerts.Core.Delivery.Reminders;

namespace Alerts.Core.Tests.Delivery.Reminders;

public sealed class ReminderOptionsValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("0 15 * * * *")]
    public void Validate_NoOrAValidSchedule_Succeeds(string? schedule)
    {
        new ReminderOptionsValidator().Validate(null, new ReminderOptions { Schedule = schedule }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Validate_ScheduleWithoutSeconds_FailsNamingTheSetting()
    {
        var result = new ReminderOptionsValidator().Validate(null, new ReminderOptions { Schedule = "15 * * * *" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Reminders:Schedule");
    }
}
