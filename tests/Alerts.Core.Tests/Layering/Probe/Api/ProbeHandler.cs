namespace Alerts.Core.Tests.Layering.Probe.Api;

// Downward, allowed: Api uses Notices.
internal sealed class ProbeHandler
{
    public Notices.ProbeNotice? Notice { get; init; }
}
