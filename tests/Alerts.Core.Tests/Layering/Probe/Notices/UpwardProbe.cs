// A deliberate upward reference for the architecture test to find (CoreLayersTests): Probe.Notices and Probe.Api mirror
// two Core layers under a probe root, so the same rules that guard src/Alerts.Core are shown to fail on a back-arrow.
namespace Alerts.Core.Tests.Layering.Probe.Notices;

internal sealed class UpwardProbe
{
    public Api.ProbeHandler? Handler { get; init; }
}

internal sealed record ProbeNotice(string Title);
