using System.Text;
using System.Text.Json;
using Alerts.Core.Common;

namespace Alerts.Core.Api;

/// <summary>Reads request bodies: size-capped, and a JSON error names the field it happened at.</summary>
public static class ApiJson
{
    public static bool TryRead<T>(string? body, int maxBytes, out T? value, out ApiResult? error)
        where T : class
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = Problems.Invalid("body", "is required (JSON)");
            return false;
        }

        if (Encoding.UTF8.GetByteCount(body) > maxBytes)
        {
            error = Problems.PayloadTooLarge(maxBytes);
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(body, AlertsJson.Web);
        }
        catch (JsonException exception)
        {
            error = Problems.Invalid(FieldOf(exception.Path), FirstSentence(exception.Message));
            return false;
        }

        if (value is null)
        {
            error = Problems.Invalid("body", "must be a JSON object, not null");
            return false;
        }

        return true;
    }

    /// <summary><c>$.recipients[0].role</c> → <c>recipients[0].role</c>; the root is <c>body</c>.</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    // System.Text.Json appends "Path: … | LineNumber: …" which the problem already says; keep the first sentence.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
