using Alerts.Core.Delivery;

namespace Alerts.Core.Tests.Delivery;

public sealed class DeliveryScheduleValidatorTests
{
    private static readonly DeliveryScheduleValidator Validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("0 5 * * * *")]
    [InlineData("0 */10 * * * *")]
    public void DigestSchedule_UnsetOrHourly_IsValid(string? schedule) =>
        Validator.Validate(null, new DigestOptions { Schedule = schedule }).Succeeded.ShouldBeTrue();

    [Theory]
    [InlineData("0 0 7 * * 1")]
    [InlineData("0 0 */2 * * *")]
    [InlineData("0 5 * * * 1-5")]
    public void DigestSchedule_SkippingAnHour_FailsNamingTheSetting(string schedule)
    {
        var result = Validator.Validate(null, new DigestOptions { Schedule = schedule });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldNotBeNull().ShouldContain($"Digest:Schedule: '{schedule}'");
    }

    [Fact]
    public void DigestSchedule_NotNcrontab_Fails() =>
        Validator.Validate(null, new DigestOptions { Schedule = "hourly" }).FailureMessage.ShouldNotBeNull().ShouldContain("Digest:Schedule");

    [Fact]
    public void DeliverySchedule_NotNcrontab_Fails() =>
        Validator.Validate(null, new DeliveryOptions { Schedule = "*/1 * * * *" }).FailureMessage.ShouldNotBeNull().ShouldContain("Delivery:Schedule");

    [Fact]
    public void DeliverySchedule_EveryMinute_IsValid() =>
        Validator.Validate(null, new DeliveryOptions { Schedule = "0 */1 * * * *" }).Succeeded.ShouldBeTrue();
}
