using Alerts.Core.Delivery;
using Alerts.Core.Delivery.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Alerts.Core.Tests.Delivery;

public sealed class DeliveryLoopServiceTests
{
    private static IServiceScopeFactory Scopes(ISubscriptionDrainer drainer, IDigestService digests, IReminderService? reminders = null) =>
        new ServiceCollection().AddSingleton(drainer).AddSingleton(digests).AddSingleton(reminders ?? Substitute.For<IReminderService>())
            .BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task Start_FirstPass_DrainsEverySubscriptionAndRunsDigests()
    {
        var drained = new List<string>();
        var allDrained = new TaskCompletionSource();
        var drainer = Substitute.For<ISubscriptionDrainer>();
        drainer.DrainAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(ci =>
        {
            lock (drained)
            {
                drained.Add(ci.Arg<string>());
                if (drained.Count == 3)
                {
                    allDrained.TrySetResult();
                }
            }

            return new DrainReport(ci.Arg<string>(), 0, 0, 0, 0);
        });
        var digestRan = new TaskCompletionSource();
        var digests = Substitute.For<IDigestService>();
        digests.RunAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            digestRan.TrySetResult();
            return new DigestRunReport(0, 0, 0);
        });
        using var service = new DeliveryLoopService(Scopes(drainer, digests), Options.Create(new DeliveryLoopOptions()), TimeProvider.System, NullLogger<DeliveryLoopService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await Task.WhenAll(allDrained.Task, digestRan.Task).WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);

        drained.ShouldBe(["alerts", "email", "teams"], ignoreOrder: true); // each subscription has its own loop (issue 12 item 8)
    }

    [Fact]
    public async Task Start_DrainThrows_DigestLoopStillRuns()
    {
        var drainer = Substitute.For<ISubscriptionDrainer>();
        drainer.DrainAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns<DrainReport>(_ => throw new InvalidOperationException("bus down"));
        var digestRan = new TaskCompletionSource();
        var digests = Substitute.For<IDigestService>();
        digests.RunAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            digestRan.TrySetResult();
            return new DigestRunReport(0, 0, 0);
        });
        using var service = new DeliveryLoopService(Scopes(drainer, digests), Options.Create(new DeliveryLoopOptions()), TimeProvider.System, NullLogger<DeliveryLoopService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await digestRan.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);

        service.ExecuteTask!.IsFaulted.ShouldBeFalse();
    }

    [Fact]
    public async Task Start_FirstPass_RunsReminders()
    {
        var remindersRan = new TaskCompletionSource();
        var reminders = Substitute.For<IReminderService>();
        reminders.RunAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            remindersRan.TrySetResult();
            return new ReminderRunReport(0, 0, 0);
        });
        using var service = new DeliveryLoopService(
            Scopes(Substitute.For<ISubscriptionDrainer>(), Substitute.For<IDigestService>(), reminders), Options.Create(new DeliveryLoopOptions()), TimeProvider.System, NullLogger<DeliveryLoopService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await remindersRan.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await service.StopAsync(CancellationToken.None);

        service.ExecuteTask!.IsFaulted.ShouldBeFalse();
    }
}
