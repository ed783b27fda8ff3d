using Alerts.Core.Messaging;
using NSubstitute;

namespace Alerts.Core.Tests.DeadLetters;

public sealed class DeadLetterServiceTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly IDeadLetterQueue _queue = Substitute.For<IDeadLetterQueue>();

    private DeadLetterService Service => new(_queue);

    private static DeadLetter Letter(string id, int minutes) =>
        new(id, id.Split(':')[0], "m-" + id, "MaxDeliveryCountExceeded", "SendGrid answered 500", 10, At.AddMinutes(minutes), "{}");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("email")]
    public void SubscriptionProblem_EmptyOrKnown_IsNull(string? subscription) =>
        DeadLetterService.SubscriptionProblem(subscription).ShouldBeNull();

    [Fact]
    public void SubscriptionProblem_Unknown_NamesTheKnownOnes() =>
        DeadLetterService.SubscriptionProblem("sms").ShouldBe($"unknown subscription 'sms'; expected one of {string.Join(", ", global::Alerts.Core.Messaging.Subscriptions.All)}");

    [Fact]
    public async Task ListAsync_UnknownSubscription_ThrowsWithoutAskingTheBus()
    {
        await Should.ThrowAsync<ArgumentException>(() => Service.ListAsync("sms", CancellationToken.None));

        await _queue.DidNotReceiveWithAnyArgs().ListAsync(default, default);
    }

    [Fact]
    public async Task ListAsync_AnyOrder_ReturnsNewestFirst()
    {
        _queue.ListAsync(null, Arg.Any<CancellationToken>()).Returns([Letter("email:a", 1), Letter("teams:b", 3), Letter("email:c", 2)]);

        var letters = await Service.ListAsync("", CancellationToken.None);

        letters.Select(l => l.Id).ShouldBe(["teams:b", "email:c", "email:a"]);
    }

    [Fact]
    public async Task ReplayAsync_PercentEncodedRouteId_ReplaysTheDecodedId()
    {
        _queue.ReplayAsync("email/42", Arg.Any<CancellationToken>()).Returns("email-42-replay");

        var answer = await Service.ReplayAsync("email%2F42", CancellationToken.None);

        answer.ShouldBe(new ReplayAnswer("email/42", "email-42-replay"));
    }

    [Fact]
    public async Task ReplayAsync_IdLongerThanAnyOfOurs_IsNotFoundWithoutAskingTheBus()
    {
        var answer = await Service.ReplayAsync("email:" + new string('x', DeadLetterService.MaxIdLength), CancellationToken.None);

        answer.ShouldBeNull();
        await _queue.DidNotReceiveWithAnyArgs().ReplayAsync(default!, default);
    }

    [Fact]
    public async Task ReplayAllAsync_ALetterReplayedMeanwhile_SkipsIt()
    {
        _queue.ListAsync(null, Arg.Any<CancellationToken>()).Returns([Letter("email:a", 1), Letter("email:b", 2)]);
        _queue.ReplayAsync("email:a", Arg.Any<CancellationToken>()).Returns("a2");
        _queue.ReplayAsync("email:b", Arg.Any<CancellationToken>()).Returns((string?)null);

        var replayed = await Service.ReplayAllAsync(null, CancellationToken.None);

        replayed.ShouldBe([new ReplayAnswer("email:a", "a2")]);
    }
}
