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
    private static readonly DeadLetter Letter = new("dl-1", "email", "change-1", "InvalidPayload", "bad", 1, DateTimeOffset.UnixEpoch, "{}");

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

    [Fact]
    public async Task DeadLetterList_ReturnsTheQueue()
    {
        var queue = Substitute.For<IDeadLetterQueue>();
        queue.ListAsync(null, Arg.Any<CancellationToken>()).Returns([Letter]);

        var result = await new DeadLetterFunction(new DeadLetterService(queue)).List(new DefaultHttpContext().Request, CancellationToken.None);

        ((IReadOnlyList<DeadLetter>)result.ShouldBeOfType<JsonResult>().Value!).ShouldBe([Letter]);
    }

    [Fact]
    public async Task DeadLetterList_UnknownSubscription_IsBadRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?subscription=nope");

        var result = await new DeadLetterFunction(new DeadLetterService(Substitute.For<IDeadLetterQueue>())).List(context.Request, CancellationToken.None);

        result.ShouldBeOfType<BadRequestObjectResult>();
    }

    [Fact]
    public async Task DeadLetterReplay_Known_ReturnsTheNewMessageId()
    {
        var queue = Substitute.For<IDeadLetterQueue>();
        queue.ReplayAsync("dl-1", Arg.Any<CancellationToken>()).Returns("change-1:replay:1");

        var result = await new DeadLetterFunction(new DeadLetterService(queue)).Replay(new DefaultHttpContext().Request, "dl-1", CancellationToken.None);

        result.ShouldBeOfType<JsonResult>().Value!.ToString()!.ShouldContain("change-1:replay:1");
    }

    [Fact]
    public async Task DeadLetterReplay_Unknown_IsNotFound()
    {
        var queue = Substitute.For<IDeadLetterQueue>();
        queue.ReplayAsync("nope", Arg.Any<CancellationToken>()).Returns((string?)null);

        var result = await new DeadLetterFunction(new DeadLetterService(queue)).Replay(new DefaultHttpContext().Request, "nope", CancellationToken.None);

        result.ShouldBeOfType<NotFoundResult>();
    }

    [Fact]
    public async Task DeadLetterShow_Unknown_IsNotFound()
    {
        var result = await new DeadLetterFunction(new DeadLetterService(Substitute.For<IDeadLetterQueue>())).Show(new DefaultHttpContext().Request, "nope", CancellationToken.None);

        result.ShouldBeOfType<NotFoundResult>();
    }

    [Fact]
    public async Task DeadLetterReplayAll_ReplaysEachLetter()
    {
        var queue = Substitute.For<IDeadLetterQueue>();
        queue.ListAsync(null, Arg.Any<CancellationToken>()).Returns([Letter, Letter with { Id = "dl-2" }]);
        queue.ReplayAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(ci => ci.Arg<string>() + ":replayed");

        await new DeadLetterFunction(new DeadLetterService(queue)).ReplayAll(new DefaultHttpContext().Request, CancellationToken.None);

        await queue.Received(1).ReplayAsync("dl-1", Arg.Any<CancellationToken>());
        await queue.Received(1).ReplayAsync("dl-2", Arg.Any<CancellationToken>());
    }
}
