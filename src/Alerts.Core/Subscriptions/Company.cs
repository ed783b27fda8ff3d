using System.Text.Json.Serialization;

namespace Alerts.Core.Subscriptions;

/// <summary>A tenant: a company whose compliance team watches goods, codes, counterparties and destinations.</summary>
public sealed record Company
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public WatchProfile Watch { get; init; } = new();

    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    public IReadOnlyList<TeamsWebhook> Teams { get; init; } = [];
}

public sealed record WatchProfile
{
    /// <summary>Goods taxonomy category ids (<c>rare-earths</c>, <c>drones</c>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Custom terms in any language.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>HS codes in any form (<c>2805.30</c>, <c>280530</c>, <c>2805301910</c>).</summary>
    public IReadOnlyList<string> HsCodes { get; init; } = [];

    /// <summary>China dual-use control codes (<c>1C902</c>, <c>1C902.a</c>).</summary>
    public IReadOnlyList<string> ControlCodes { get; init; } = [];

    /// <summary>Counterparty names in any script, each with its aliases.</summary>
    public IReadOnlyList<Counterparty> Counterparties { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes the company ships to or buys from.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];
}

/// <summary>A counterparty. In files it may be a plain string (the name) or an object with aliases.</summary>
[JsonConverter(typeof(CounterpartyJsonConverter))]
public sealed record Counterparty(string Name, IReadOnlyList<string>? Aliases = null)
{
    public IEnumerable<string> AllNames => Aliases is null ? [Name] : [Name, .. Aliases];
}

[JsonConverter(typeof(JsonStringEnumConverter<RecipientRole>))]
public enum RecipientRole
{
    [JsonStringEnumMemberName("immediate")] Immediate,
    [JsonStringEnumMemberName("digest")] Digest,
}

[JsonConverter(typeof(JsonStringEnumConverter<DigestCadence>))]
public enum DigestCadence
{
    [JsonStringEnumMemberName("daily")] Daily,
    [JsonStringEnumMemberName("weekly")] Weekly,
}

public sealed record Recipient
{
    public required string Email { get; init; }

    public RecipientRole Role { get; init; } = RecipientRole.Immediate;

    public DigestCadence Cadence { get; init; } = DigestCadence.Daily;

    /// <summary>IANA time zone id (<c>Asia/Tokyo</c>).</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Local hour (0–23) at which a digest goes out.</summary>
    public int Hour { get; init; } = 8;

    public Severity MinSeverity { get; init; } = Severity.Low;

    /// <summary>
    /// How many days before a measure that concerns the company takes effect, or a suspension of it ends, an immediate
    /// recipient is reminded (one reminder per lead day; <c>[]</c> for none). The day a relief lapses is told as well.
    /// </summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = ReminderLeads.DefaultDays;
}

/// <summary>The lead times of reminders when a recipient or webhook names none, and their bounds.</summary>
public static class ReminderLeads
{
    public const int MaxDays = 90;

    public const int MaxItems = 5;

    public static IReadOnlyList<int> DefaultDays { get; } = [7, 1];
}

public sealed record TeamsWebhook
{
    /// <summary>A Workflows webhook URL. Its <c>sig=</c> is a bearer secret: never log it.</summary>
    public required string WebhookUrl { get; init; }

    public Severity MinSeverity { get; init; } = Severity.Low;

    /// <summary>Lead days of the reminders posted to this channel, as <see cref="Recipient.ReminderDays"/>.</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = ReminderLeads.DefaultDays;
}
