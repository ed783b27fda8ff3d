using System.ComponentModel.DataAnnotations;
using Alerts.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests;

public sealed class SettingsValidationTests
{
    [Fact]
    public void ValidateAll_SeveralOptionsTypesFail_ReportsEveryFailureByPath()
    {
        var services = new ServiceCollection();
        services.AddOptions<First>().Configure(o => o.Count = 0).ValidateSettings("One").ValidateOnStart();
        services.AddOptions<Second>().ValidateSettings("Two:Nested").ValidateOnStart();
        using var provider = services.BuildServiceProvider();

        var thrown = Should.Throw<Exception>(() => SettingsValidation.ValidateAll(provider));

        SettingsValidation.TryGetFailures(thrown, out var failures).ShouldBeTrue();
        failures.Select(f => f[..f.IndexOf(": ", StringComparison.Ordinal)]).ShouldBe(["One:Count", "Two:Nested:Name"], ignoreOrder: true);
    }

    [Fact]
    public void ValidateSettings_NamedOptions_ValidatesOnlyItsName()
    {
        var services = new ServiceCollection();
        services.AddOptions<Second>("a").ValidateSettings("Two:a");
        services.AddOptions<Second>("b").Configure(o => o.Name = "set").ValidateSettings("Two:b");
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<Second>>();

        monitor.Get("b").Name.ShouldBe("set");
        Should.Throw<OptionsValidationException>(() => monitor.Get("a")).Failures.ShouldHaveSingleItem().ShouldStartWith("Two:a:Name: ");
    }

    [Fact]
    public void TryGetFailures_OtherException_IsFalse() =>
        SettingsValidation.TryGetFailures(new InvalidOperationException("x"), out _).ShouldBeFalse();

    private sealed class First
    {
        [Range(1, 10)]
        public int Count { get; set; } = 1;
    }

    private sealed class Second
    {
        [Required]
        public string? Name { get; set; }
    }
}
