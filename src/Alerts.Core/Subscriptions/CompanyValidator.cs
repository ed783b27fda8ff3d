using System.Net.Mail;
using System.Text.RegularExpressions;
using Alerts.Core.Goods;

namespace Alerts.Core.Subscriptions;

/// <summary>One problem with one company: <c>acme-trading: watch.categories[1]: unknown category 'rare-earth'</c>.</summary>
public sealed record CompanyValidationError(string CompanyId, string Field, string Message)
{
    public override string ToString() => $"{(CompanyId.Length > 0 ? CompanyId : "(no id)")}: {Field}: {Message}";
}

/// <summary>Checks a company before it is stored: ids, categories, codes, e-mails, time zones, hours, webhooks.</summary>
public sealed partial class CompanyValidator(GoodsTaxonomy taxonomy)
{
    public IReadOnlyList<CompanyValidationError> Validate(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var id = company.Id ?? "";
        var errors = new List<CompanyValidationError>();
        void Error(string field, string message) => errors.Add(new CompanyValidationError(id, field, message));

        if (!IsCompanyId(id))
        {
            Error("id", "must be 1–64 characters: lower-case letters, digits and '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(company.Name))
        {
            Error("name", "is required");
        }

        var watch = company.Watch ?? new WatchProfile();
        Each(watch.Categories, "watch.categories", (value, field) =>
        {
            if (!taxonomy.Contains(value ?? ""))
            {
                Error(field, $"unknown category '{value}'");
            }
        });
        Each(watch.Terms, "watch.terms", (value, field) =>
        {
            if (string.IsNullOrWhiteSpace(value) || TextNormalizer.NormalizeTerm(value).Length == 0)
            {
                Error(field, "is empty");
            }
        });
        Each(watch.HsCodes, "watch.hsCodes", (value, field) =>
        {
            if (!IsHsCode(value))
            {
                Error(field, $"malformed HS code '{value}' (4 to 10 digits, dots and spaces allowed: 2805.30, 2805301910)");
            }
        });
        Each(watch.ControlCodes, "watch.controlCodes", (value, field) =>
        {
            if (!IsControlCode(value))
            {
                Error(field, $"malformed control code '{value}' (like 1C902 or 1C902.a)");
            }
        });
        Each(watch.Counterparties, "watch.counterparties", (value, field) =>
        {
            if (value is null || string.IsNullOrWhiteSpace(value.Name))
            {
                Error(field + ".name", "is required");
            }
        });
        Each(watch.Destinations, "watch.destinations", (value, field) =>
        {
            if (!IsDestination(value))
            {
                Error(field, $"'{value}' is not an ISO 3166-1 alpha-2 code (JP, US) or EU");
            }
        });
        Each(company.Recipients, "recipients", (recipient, field) =>
        {
            if (recipient is null)
            {
                Error(field, "is empty");
                return;
            }

            if (!IsEmail(recipient.Email))
            {
                Error(field + ".email", $"bad e-mail address '{recipient.Email}'");
            }

            if (!IsTimeZone(recipient.TimeZone))
            {
                Error(field + ".timeZone", $"unknown IANA time zone '{recipient.TimeZone}'");
            }

            if (recipient.Hour is < 0 or > 23)
            {
                Error(field + ".hour", $"{recipient.Hour} is not an hour 0–23");
            }

            if (!IsKnown(recipient.Role))
            {
                Error(field + ".role", $"{(int)recipient.Role} is not a role (immediate or digest)");
            }

            if (!IsKnown(recipient.Cadence))
            {
                Error(field + ".cadence", $"{(int)recipient.Cadence} is not a cadence (daily or weekly)");
            }

            if (!IsKnown(recipient.MinSeverity))
            {
                Error(field + ".minSeverity", $"{(int)recipient.MinSeverity} is not a severity (low, medium, high or critical)");
            }
        });
        Each(company.Teams, "teams", (hook, field) =>
        {
            if (hook is null || !Uri.TryCreate(hook.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                Error(field + ".webhookUrl", "must be an absolute https URL");
            }

            if (hook is not null && !IsKnown(hook.MinSeverity))
            {
                Error(field + ".minSeverity", $"{(int)hook.MinSeverity} is not a severity (low, medium, high or critical)");
            }
        });
        return errors;
    }

    /// <summary>Every company, plus duplicate ids across the list.</summary>
    public IReadOnlyList<CompanyValidationError> ValidateAll(IReadOnlyList<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var errors = new List<CompanyValidationError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < companies.Count; i++)
        {
            var company = companies[i];
            if (company is null)
            {
                errors.Add(new CompanyValidationError("", $"companies[{i}]", "is empty"));
                continue;
            }

            errors.AddRange(Validate(company));
            if (company.Id is { } id && !seen.Add(id))
            {
                errors.Add(new CompanyValidationError(id, "id", "appears more than once in the file"));
            }
        }

        return errors;
    }

    private static void Each<T>(IReadOnlyList<T>? values, string field, Action<T, string> check)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            check(values![i], $"{field}[{i}]");
        }
    }

    /// <summary>Ids travel in URLs and file names: lower-case letters, digits and '-'.</summary>
    public static bool IsCompanyId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>4 to 10 digits, dots and spaces allowed (2805.30, 280530, 2805301910).</summary>
    public static bool IsHsCode(string? value) => HsCode.Digits(value) is not null;

    /// <summary>A China dual-use control-list code (1C902, 1C902.a).</summary>
    public static bool IsControlCode(string? value) => ControlCode.Canonical(value) is not null;

    /// <summary>ISO 3166-1 alpha-2 (JP, US), or EU.</summary>
    public static bool IsDestination(string? value) => value is not null && CountryPattern().IsMatch(value);

    /// <summary>Syntax only (a delivery proves the mailbox): one <c>@</c>, a dotted domain, no display name, no spaces.</summary>
    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Any(char.IsWhiteSpace) || email.Count(c => c == '@') != 1)
        {
            return false;
        }

        if (!MailAddress.TryCreate(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.Ordinal))
        {
            return false;
        }

        return parsed.User.Length <= 64 && IsMailDomain(parsed.Host);
    }

    /// <summary>
    /// A host name of at least two labels, each 1–63 letters, digits or '-' (IDN allowed, checked as punycode), none
    /// starting or ending with '-', and a top-level label that is not all digits: no IP literals (<c>a@[127.0.0.1]</c>,
    /// <c>a@1.2.3.4</c>), no <c>a@-b.cd</c>.
    /// </summary>
    private static bool IsMailDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = new System.Globalization.IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return labels.Length >= 2 && ascii.Length <= 253 && labels.All(DomainLabelPattern().IsMatch) && !labels[^1].All(char.IsAsciiDigit);
    }

    /// <summary>
    /// Canonical IANA ids only (Asia/Tokyo, UTC, America/Argentina/Buenos_Aires, Etc/GMT+9). Windows ids ("Tokyo Standard
    /// Time") are refused so files travel between hosts, and so are the tz database's files that are not zones of their
    /// own although the system finds them: <c>posixrules</c>, <c>localtime</c>, <c>Factory</c> and the
    /// <c>posix/…</c> and <c>right/…</c> copies (the latter counts leap seconds, a clock no recipient lives by).
    /// </summary>
    public static bool IsTimeZone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !ZoneIdPattern().IsMatch(value) || value.Split('/').Contains(".."))
        {
            return false;
        }

        if (value is "posixrules" or "localtime" or "Factory" || value.StartsWith("posix/", StringComparison.Ordinal) || value.StartsWith("right/", StringComparison.Ordinal))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId;
    }

    /// <summary>The enum numbers a recipient or webhook may carry (JSON also accepts numbers: <c>"role": 5</c> must not pass).</summary>
    public static bool IsKnown<TEnum>(TEnum value)
        where TEnum : struct, Enum => Enum.IsDefined(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DomainLabelPattern();

    // Area/Location[/Sub]: letters first, then letters, digits, '_', '+', '-' (Etc/GMT+9, America/Port-au-Prince).
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9][A-Za-z0-9_+-]*){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneIdPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
