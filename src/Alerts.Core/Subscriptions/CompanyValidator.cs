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
        });
        Each(company.Teams, "teams", (hook, field) =>
        {
            if (hook is null || !Uri.TryCreate(hook.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                Error(field + ".webhookUrl", "must be an absolute https URL");
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

        var domain = parsed.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.') && parsed.User.Length <= 64;
    }

    public static bool IsTimeZone(string? value)
    {
        // IANA ids only (Asia/Tokyo, UTC); Windows ids like "Tokyo Standard Time" are refused so files travel between hosts.
        if (string.IsNullOrWhiteSpace(value) || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(value, out _);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
