using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Core.Common;

namespace Alerts.Core.Api;

/// <summary>
/// What a handler answers, without any web framework type: a status code, a content type, headers and a body
/// (an object serialised as JSON, or ready text such as HTML). Both hosts copy it onto their response as is.
/// </summary>
public sealed record ApiResult(int StatusCode)
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";
    public const string HtmlContentType = "text/html; charset=utf-8";
    public const string ZipContentType = "application/zip";

    /// <summary>A JSON body (serialised with <see cref="AlertsJson.Web"/>), or null.</summary>
    public object? Body { get; init; }

    /// <summary>A text body written as is (HTML pages); wins over <see cref="Body"/>.</summary>
    public string? Text { get; init; }

    /// <summary>A binary body written as is (an audit pack); wins over <see cref="Text"/> and <see cref="Body"/>.</summary>
    public byte[]? Bytes { get; init; }

    public string ContentType { get; init; } = JsonContentType;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body as the host writes it; empty for 204 and redirects.</summary>
    public string BodyText => Text ?? (Body is null ? "" : JsonSerializer.Serialize(Body, Body.GetType(), AlertsJson.Web));

    public bool HasBody => Bytes is not null || Text is not null || Body is not null;

    /// <summary>A cookie to set (the dashboard's company view); the host adds <c>Secure</c> on https.</summary>
    public ApiCookie? Cookie { get; init; }

    public static ApiResult Ok(object body) => new(200) { Body = body };

    public static ApiResult Created(object body, string location) =>
        new(201) { Body = body, Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static ApiResult Accepted(object body) => new(202) { Body = body };

    public static ApiResult NoContent() => new(204);

    /// <summary>A download: <paramref name="bytes"/> as <paramref name="contentType"/>, saved by a browser as <paramref name="fileName"/>.</summary>
    public static ApiResult File(byte[] bytes, string contentType, string fileName) =>
        new(200) { Bytes = bytes, ContentType = contentType, Headers = new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"{fileName}\"" } };

    public static ApiResult Html(string html, int statusCode = 200) => new(statusCode) { Text = html, ContentType = HtmlContentType };

    /// <summary>303 See Other: after a form POST, the browser GETs <paramref name="location"/>.</summary>
    public static ApiResult SeeOther(string location) =>
        new(303) { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static ApiResult From(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = new ApiResult(problem.Status) { Body = problem, ContentType = ProblemContentType };
        return problem.Status == 401
            ? result with { Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"alerts\"" } }
            : result;
    }
}

/// <summary>An HttpOnly, SameSite=Strict cookie.</summary>
public sealed record ApiCookie(string Name, string Value, string Path, TimeSpan MaxAge);

/// <summary>An RFC 9457 problem detail. <see cref="Errors"/> maps each offending field (JSON path) to its messages.</summary>
public sealed record ApiProblem(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>The problems the API answers with. Messages never say whether another company exists.</summary>
public static class Problems
{
    private const string Rfc9110 = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.";

    public static ApiResult Unauthorized() => ApiResult.From(new ApiProblem(
        Rfc9110 + "2", "Unauthorized", 401, "Send a valid API key as 'Authorization: Bearer <key>'."));

    public static ApiResult Forbidden() => ApiResult.From(new ApiProblem(
        Rfc9110 + "4", "Forbidden", 403, "This operation needs the admin key."));

    /// <summary>The same answer whether the thing does not exist or belongs to another company.</summary>
    public static ApiResult NotFound(string what, string id) => ApiResult.From(new ApiProblem(
        Rfc9110 + "5", "Not Found", 404, $"No {what} with id '{DisplayText.Clip(id, 80)}'."));

    public static ApiResult Conflict(string detail) => ApiResult.From(new ApiProblem(Rfc9110 + "10", "Conflict", 409, detail));

    public static ApiResult PayloadTooLarge(int maxBytes) => ApiResult.From(new ApiProblem(
        Rfc9110 + "14", "Content Too Large", 413, $"The body is larger than {maxBytes} bytes."));

    public static ApiResult Validation(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var first = errors.First();
        var detail = errors.Count == 1
            ? $"Field '{first.Key}': {first.Value[0]}"
            : $"{errors.Count} fields are invalid; first '{first.Key}': {first.Value[0]}";
        return ApiResult.From(new ApiProblem(Rfc9110 + "1", "Invalid request", 400, detail) { Errors = errors });
    }

    public static ApiResult Invalid(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
