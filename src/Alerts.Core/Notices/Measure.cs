using System.Text.Json.Serialization;
using Alerts.Core.Common;

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
    /// <summary>The measure on the wire: its JSON name (<see cref="WireNames"/>).</summary>
    public static string ToWire(this Measure measure) => measure.WireName();
}
