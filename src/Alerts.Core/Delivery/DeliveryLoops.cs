using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// Section <c>DeliveryLoops</c> (only for <c>alerts run</c>; Azure uses the timer functions):
/// <code>{ "DeliveryLoops": { "DrainInterval": "00:00:05", "DigestInterval": "00:10:00" } }</code>
/// </summary>
public sealed class DeliveryLoopOptions
{
    public const string SectionName = "DeliveryLoops";

    public TimeSpan DrainInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>More often than hourly is harmless: a recipient is sent once per period.</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often reminders are looked for; each goes once however often, so this only bounds how late one can be.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>
/// The same consumer code as the timer functions, in-process for <c>alerts run</c>: drains <c>alerts</c>, <c>email</c>
/// and <c>teams</c> at start and every <see cref="DeliveryLoopOptions.DrainInterval"/>, each subscription in its own
/// loop (like the separate timer functions), so hanging Teams webhooks never delay e-mail; and runs the digest service
/// every <see cref="DeliveryLoopOptions.DigestInterval"/> and the reminders every <see cref="DeliveryLoopOptions.ReminderInterval"/>. Nothing escapes a pass; stopping the host stops it.
/// </summary>
public sealed partial class DeliveryLoopService(
    IServiceScopeFactory scopes,
    IOptions<DeliveryLoopOptions> options,
    TimeProvider time,
    ILogger<DeliveryLoopService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll([.. Messaging.Subscriptions.All.Select(s => DrainLoopAsync(s, stoppingToken)), DigestLoopAsync(stoppingToken), ReminderLoopAsync(stoppingToken)]);

    private async Task DrainLoopAsync(string subscription, CancellationToken stoppingToken)
    {
        // Off the caller's thread: the loops start together and one blocking pass cannot hold up the others.
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.DrainInterval, time);
        do
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                // A scope per pass: fresh drainer and senders (typed HttpClients) each time.
                await using var scope = scopes.CreateAsyncScope();
                var drainer = scope.ServiceProvider.GetRequiredService<ISubscriptionDrainer>();
                await drainer.DrainAsync(subscription, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, subscription, ex);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a pass cut short by the stop is expected, and its messages come back after the restart.
                break;
            }
        }
        while (await TickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private async Task DigestLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DigestInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var digests = scope.ServiceProvider.GetRequiredService<IDigestService>();
                await digests.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, "digest", ex);
            }
        }
        while (await TickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private async Task ReminderLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reminders = scope.ServiceProvider.GetRequiredService<Reminders.IReminderService>();
                await reminders.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, "reminders", ex);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: a pass cut short is harmless, what it did not send is sent by the next run after the restart.
                break;
            }
        }
        while (await TickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery pass {Pass} failed; the loop goes on")]
    private static partial void LogPassFailed(ILogger logger, string pass, Exception exception);
}

public static class DeliveryLoopServiceCollectionExtensions
{
    /// <summary>For <c>alerts run</c> only: the hosted drain and digest loops (Azure runs the timer functions instead).</summary>
    public static IServiceCollection AddAlertsDeliveryLoops(this IServiceCollection services)
    {
        services.AddOptions<DeliveryLoopOptions>().BindConfiguration(DeliveryLoopOptions.SectionName);
        services.AddHostedService<DeliveryLoopService>();
        return services;
    }
}
