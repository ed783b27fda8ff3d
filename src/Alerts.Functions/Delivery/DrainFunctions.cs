using Alerts.Core.Delivery;
using Alerts.Core.Delivery.Reminders;
using Microsoft.Azure.Functions.Worker;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Functions.Delivery;

/// <summary>
/// Drains the bus subscriptions on the schedule in the app setting <c>Delivery__Schedule</c> (NCRONTAB with seconds,
/// UTC). Each drain stops after <c>Delivery:DrainBudget</c> (~70 % of functionTimeout), so settlement finishes in time.
/// </summary>
public sealed class DrainFunctions(ISubscriptionDrainer drainer)
{
    [Function("DrainAlerts")]
    public Task<DrainReport> DrainAlerts([TimerTrigger("%Delivery__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        drainer.DrainAsync(Subs.Alerts, cancellationToken);

    [Function("DrainEmail")]
    public Task<DrainReport> DrainEmail([TimerTrigger("%Delivery__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        drainer.DrainAsync(Subs.Email, cancellationToken);

    [Function("DrainTeams")]
    public Task<DrainReport> DrainTeams([TimerTrigger("%Delivery__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        drainer.DrainAsync(Subs.Teams, cancellationToken);
}

/// <summary>Executive digests on the schedule in <c>Digest__Schedule</c> (hourly: each recipient's local hour is checked).</summary>
public sealed class DigestFunction(IDigestService digests)
{
    [Function("SendDigests")]
    public Task<DigestRunReport> Run([TimerTrigger("%Digest__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.RunAsync(cancellationToken);
}

/// <summary>Reminders of the dates that act on measures, on the schedule in <c>Reminders__Schedule</c> (each goes once, however often it runs).</summary>
public sealed class ReminderFunction(IReminderService reminders)
{
    [Function("SendReminders")]
    public Task<ReminderRunReport> Run([TimerTrigger("%Reminders__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reminders.RunAsync(cancellationToken);
}
