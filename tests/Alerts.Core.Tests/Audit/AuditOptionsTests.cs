using Alerts.Core.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Audit;

public sealed class AuditOptionsTests
{
    private static AuditOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlertsAudit(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AuditOptions>>().Value;
    }

    [Fact]
    public void Bind_Nothing_PrunesDailyAndKeepsSevenYears()
    {
        var options = Bind([]);

        (options.PruneSchedule, options.RetentionDays).ShouldBe(("0 30 3 * * *", 2557));
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("30 3 * * *")]
    [InlineData("")]
    public void Bind_PruneScheduleNotNcrontabWithSeconds_NamesTheSetting(string schedule)
    {
        var failure = Should.Throw<OptionsValidationException>(() => Bind(new() { ["Audit:PruneSchedule"] = schedule }));

        failure.Failures.ShouldHaveSingleItem().ShouldStartWith("Audit:PruneSchedule: ");
    }

    [Fact]
    public void Bind_PruneScheduleWithSeconds_Binds() =>
        Bind(new() { ["Audit:PruneSchedule"] = "0 0 4 * * 0" }).PruneSchedule.ShouldBe("0 0 4 * * 0");
}
