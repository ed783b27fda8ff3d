using System.Text.Json.Serialization;

namespace Alerts.Core.Notices;

/// <summary>What a notice does. Serialised in kebab case (<c>export-ban</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Measure>))]
public enum Measure
{
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("export-ban")] ExportBan,
    [JsonStringEnumMemberName("licensing-requirement")] LicensingRequirement,
    [JsonStringEnumMemberName("control-list-addition")] ControlListAddition,
    [JsonStringEnumMemberName("watch-list-addition")] WatchListAddition,
    [JsonStringEnumMemberName("unreliable-entity-addition")] UnreliableEntityAddition,
    [JsonStringEnumMemberName("removal")] Removal,
    [JsonStringEnumMemberName("suspension")] Suspension,
    [JsonStringEnumMemberName("resumption")] Resumption,
    [JsonStringEnumMemberName("amendment")] Amendment,
    [JsonStringEnumMemberName("catalogue-change")] CatalogueChange,
    [JsonStringEnumMemberName("statement")] Statement,
    [JsonStringEnumMemberName("consultation")] Consultation,
    [JsonStringEnumMemberName("lifting")] Lifting,
    [JsonStringEnumMemberName("scope-adjustment")] ScopeAdjustment,
    [JsonStringEnumMemberName("investigation")] Investigation,
    [JsonStringEnumMemberName("countermeasure")] Countermeasure,
    [JsonStringEnumMemberName("fine")] Fine,
    [JsonStringEnumMemberName("trade-remedy")] TradeRemedy,
}

public static class MeasureNames
{
    public static string ToWire(this Measure measure) => measure switch
    {
        Measure.ExportBan => "export-ban",
        Measure.LicensingRequirement => "licensing-requirement",
        Measure.ControlListAddition => "control-list-addition",
        Measure.WatchListAddition => "watch-list-addition",
        Measure.UnreliableEntityAddition => "unreliable-entity-addition",
        Measure.Removal => "removal",
        Measure.Suspension => "suspension",
        Measure.Resumption => "resumption",
        Measure.Amendment => "amendment",
        Measure.CatalogueChange => "catalogue-change",
        Measure.Statement => "statement",
        Measure.Consultation => "consultation",
        Measure.Lifting => "lifting",
        Measure.ScopeAdjustment => "scope-adjustment",
        Measure.Investigation => "investigation",
        Measure.Countermeasure => "countermeasure",
        Measure.Fine => "fine",
        Measure.TradeRemedy => "trade-remedy",
        _ => "other",
    };
}
