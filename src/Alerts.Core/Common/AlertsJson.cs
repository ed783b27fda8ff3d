using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Core.Common;

/// <summary>One JSON shape everywhere: camelCase, dates as <c>yyyy-MM-dd</c>, nulls written, CJK unescaped in files.</summary>
public static class AlertsJson
{
    /// <summary>For the API, bus messages and <c>--json</c> output.</summary>
    public static JsonSerializerOptions Web { get; } = Create(indent: false);

    /// <summary>For files people read (exports, outbox cards).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indent: true);

    private static JsonSerializerOptions Create(bool indent)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indent,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Relaxed escaping keeps 商务部 readable; HTML contexts escape on their own.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
