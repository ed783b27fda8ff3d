using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Functions.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NSubstitute;

namespace Alerts.Functions.Tests.Delivery;

public sealed class DeliveryFunctionsTests
{

    [Theory]
    [InlineData("alerts")]
    [InlineData("email")]
    [InlineData("teams")]
    public async Task Drain_EachTimer_DrainsItsSubscription(string subscription)
    {
        var drainer = Substitute.For<ISubscriptionDrainer>();
        drainer.DrainAsync(subscription, Arg.Any<CancellationToken>()).Returns(new DrainReport(subscription, 1, 1, 0, 0));
        var functions = new DrainFunctions(drainer);

        var report = subscription switch
        {
            "alerts" => await functions.DrainAlerts(new TimerInfo(), CancellationToken.None),
            "email" => await functions.DrainEmail(new TimerInfo(), CancellationToken.None),
            _ => await functions.DrainTeams(new TimerInfo(), CancellationToken.None),
        };

        report.Subscription.ShouldBe(subscription);
        await drainer.Received(1).DrainAsync(subscription, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Digest_Timer_RunsTheDigestService()
    {
        var digests = Substitute.For<IDigestService>();
        digests.RunAsync(Arg.Any<CancellationToken>()).Returns(new DigestRunReport(2, 0, 0));

        var report = await new DigestFunction(digests).Run(new TimerInfo(), CancellationToken.None);

        report.Sent.ShouldBe(2);
    }
}
