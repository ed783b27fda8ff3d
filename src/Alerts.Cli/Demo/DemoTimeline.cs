using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Common;

namespace Alerts.Cli.Demo;

/// <summary>One stage of the demo: the moment it happens and the listings as they stood then.</summary>
internal sealed record DemoStage(string Stage, DateTimeOffset At, string Title);

/// <summary><c>samples/demo/timeline.json</c>: which sources the demo polls and the stages it walks through.</summary>
internal sealed record DemoTimeline(string Description, IReadOnlyList<string> Sources, IReadOnlyList<DemoStage> Stages)
{
    public static DemoTimeline Load(string path)
    {
        var timeline = JsonSerializer.Deserialize<DemoTimeline>(File.ReadAllText(path), AlertsJson.Web)
            ?? throw new InvalidDataException($"{path} is empty.");
        if (timeline.Sources is not { Count: > 0 } || timeline.Stages is not { Count: > 0 })
        {
            throw new InvalidDataException($"{path} names no sources or no stages.");
        }

        return timeline;
    }
}

/// <summary>A clock the demo moves from one stage of the timeline to the next.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset instant) => _now = instant;
}
