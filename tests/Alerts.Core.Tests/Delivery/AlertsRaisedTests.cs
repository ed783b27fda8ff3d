using Alerts.Core.Messaging;

namespace Alerts.Core.Tests.Delivery;

public sealed class AlertsRaisedTests
{
    [Fact]
    public void For_IdsInAnyOrder_GivesTheSameMessageId()
    {
        var a = AlertsRaised.For("c1", ["c1.b", "c1.a"]).Single();
        var b = AlertsRaised.For("c1", ["c1.a", "c1.b", "c1.a"]).Single();

        a.MessageId.ShouldBe(b.MessageId);
        a.AlertIds.ShouldBe(b.AlertIds);
    }

    [Fact]
    public void For_OtherAlerts_GivesAnotherMessageId()
    {
        AlertsRaised.For("c1", ["c1.a"]).Single().MessageId.ShouldNotBe(AlertsRaised.For("c1", ["c1.a", "c1.b"]).Single().MessageId);
    }

    [Fact]
    public void For_MoreAlertsThanOneMessageHolds_SplitsIntoChunks()
    {
        var ids = Enumerable.Range(0, AlertsRaised.MaxAlertsPerMessage * 2 + 1).Select(i => $"c1.company-{i:00000}").ToList();

        var messages = AlertsRaised.For("c1", ids);

        messages.Select(m => m.AlertIds.Count).ShouldBe([AlertsRaised.MaxAlertsPerMessage, AlertsRaised.MaxAlertsPerMessage, 1]);
        messages.SelectMany(m => m.AlertIds).ShouldBe(ids);
        messages.Select(m => m.MessageId).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Body_TenThousandLongestAlertIds_EachMessageStaysFarUnderTheServiceBusLimit()
    {
        var change = new string('f', 32);
        var ids = Enumerable.Range(0, 10_000).Select(i => $"{change}.{new string('c', 58)}{i:000000}");

        AlertsRaised.For(change, ids).ShouldAllBe(m => AlertsRaisedMessages.Body(m).Length < 64 * 1024);
    }
}
