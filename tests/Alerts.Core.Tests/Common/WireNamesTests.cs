using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Common;
using Alerts.Core.Delivery;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Common;

public sealed class WireNamesTests
{
    [Fact]
    public void WireName_EveryJsonEnumValue_IsWhatJsonWrites()
    {
        var mismatches = Values<ChangeKind>().Concat(Values<Severity>()).Concat(Values<DeliveryChannel>())
            .Concat(Values<DeliveryOutcome>()).Concat(Values<Measure>()).Concat(Values<ReasonKind>())
            .Where(v => v.Json != "\"" + v.Wire + "\"")
            .Select(v => $"{v.Json} vs {v.Wire}");

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void WireName_MemberWithoutAttribute_IsKebabCase() =>
        FetchOutcome.LayoutChanged.WireName().ShouldBe("layout-changed");

    [Fact]
    public void WireName_UndeclaredValue_IsUnknown() => ((ChangeKind)99).WireName().ShouldBe("unknown");

    [Fact]
    public void TryParseWire_WireNameInAnyCase_GivesTheValue()
    {
        WireNames.TryParseWire<ChangeKind>(" Mirror-Conflict ", out var kind).ShouldBeTrue();

        kind.ShouldBe(ChangeKind.MirrorConflict);
    }

    [Fact]
    public void TryParseWire_MemberNameThatIsNotTheWireName_IsRefused() =>
        WireNames.TryParseWire<ChangeKind>("MirrorConflict", out _).ShouldBeFalse();

    private static IEnumerable<(string Json, string Wire)> Values<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (JsonSerializer.Serialize(v, AlertsJson.Web), v.WireName()));
}
