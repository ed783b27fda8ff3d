using System.Net.Mail;
using System.Text.RegularExpressions;
using Alerts.Core.Common;
using Alerts.Core.Goods;

namespace Alerts.Core.Subscriptions;

/// <summary>One problem with one company: <c>acme-trading: watch.categories[1]: unknown category 'rare-earth'</c>.</summary>
public sealed record CompanyValidationError(string CompanyId, string Field, string Message)
{
    public override string ToString() => $"{(CompanyId.Length > 0 ? CompanyId : "(no id)")}: {Field}: {Message}";
}

/// <summary>
/// The product's one set of company rules, for every front door — a company file (<c>alerts subscriptions import</c>,
/// <c>alerts match --companies</c>) and the HTTP API (<c>CompanyRequestValidator</c>, which adds the Teams webhook's
/// SSRF check): ids, names, categories, terms, HS and control codes, destinations, counterparties, e-mails, time zones,
/// hours, enum values, and the size caps, each problem named by its field path (<c>recipients[1].email</c>).
/// </summary>
public sealed partial class CompanyValidator(GoodsTaxonomy taxonomy)
{
    public const int MaxNameLength = 200;
    public const int MaxListItems = 500;
    public const int MaxTermLength = 200;
    public const int MaxAliases = 50;
    public const int MaxRecipients = 100;
    public const int MaxWebhooks = 20;

    // JSON "teams": null would be stored as a null list and fail everything that reads the company later.
    private const string NullList = "must not be null (use [] for none)";

    public IReadOnlyList<CompanyValidationError> Validate(Company company) => Validate(company, checkWebhookUrls: true);

    /// <summary>Every rule; the webhook URL's shape only when <paramref name="checkWebhookUrls"/> (the API checks URLs itself, more strictly).</summary>
    public IReadOnlyList<CompanyValidationError> Validate(Company company, bool checkWebhookUrls)
    {
        ArgumentNullException.ThrowIfNull(company);
        var id = company.Id ?? "";
        var errors = new Collector(id);
        if (!IsCompanyId(id))
        {
            errors.Add("id", "must be 1–64 characters: lower-case letters, digits and '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(company.Name))
        {
            errors.Add("name", "is required");
        }
        else if (company.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"is longer than {MaxNameLength} characters");
        }

        ValidateWatch(company.Watch, "watch.", errors);
        ValidateRecipients(company.Recipients, "recipients", errors);
        ValidateTeams(company.Teams, "teams", checkWebhookUrls, errors);
        return errors.Errors;
    }

    /// <summary>A watch profile alone (<c>PUT /api/companies/{id}/watch</c>), its fields under <paramref name="prefix"/>.</summary>
    public IReadOnlyList<CompanyValidationError> ValidateWatch(WatchProfile? watch, string prefix, string companyId = "")
    {
        var errors = new Collector(companyId);
        ValidateWatch(watch, prefix, errors);
        return errors.Errors;
    }

    /// <summary>Recipients alone (<c>PUT /api/companies/{id}/recipients</c>), their fields under <paramref name="path"/>.</summary>
    public static IReadOnlyList<CompanyValidationError> ValidateRecipients(IReadOnlyList<Recipient>? recipients, string path, string companyId = "")
    {
        var errors = new Collector(companyId);
        ValidateRecipients(recipients, path, errors);
        return errors.Errors;
    }

    /// <summary>Teams webhooks alone: the list's size and each one's severity, and the URL's shape when <paramref name="checkUrls"/>.</summary>
    public static IReadOnlyList<CompanyValidationError> ValidateTeams(IReadOnlyList<TeamsWebhook>? hooks, string path, bool checkUrls, string companyId = "")
    {
        var errors = new Collector(companyId);
        ValidateTeams(hooks, path, checkUrls, errors);
        return errors.Errors;
    }

    private void ValidateWatch(WatchProfile? watch, string prefix, Collector errors)
    {
        if (watch is null)
        {
            errors.Add(prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body", "is required");
            return;
        }

        EachTerm(watch.Categories, prefix + "categories", errors, (value, field) =>
        {
            if (!taxonomy.Contains(value))
            {
                errors.Add(field, $"unknown category '{DisplayText.Clip(value, 60)}' (not a category id of the taxonomy: alerts taxonomy, GET /api/taxonomy)");
            }
        });
        EachTerm(watch.Terms, prefix + "terms", errors, (value, field) =>
        {
            // A term of only punctuation or spaces normalises to nothing and would match everywhere. Normalising keeps
            // every letter and digit (it folds them, never drops them), so only a term without one is normalised to
            // see: a file of 10,000 companies is 80,000 terms.
            if (string.IsNullOrWhiteSpace(value) || (!HasLetterOrDigit(value) && TextNormalizer.NormalizeTerm(value).Length == 0))
            {
                errors.Add(field, "must not be empty");
            }
        });
        EachTerm(watch.HsCodes, prefix + "hsCodes", errors, (value, field) =>
        {
            if (!IsHsCode(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not an HS code (4–10 digits, dots and spaces allowed: 2805.30, 280530, 2805301910)");
            }
        });
        EachTerm(watch.ControlCodes, prefix + "controlCodes", errors, (value, field) =>
        {
            if (!IsControlCode(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not a control-list code (digit, category letter A–E, three digits, optional sub-items: 1C902, 1C902.a)");
            }
        });
        EachTerm(watch.Destinations, prefix + "destinations", errors, (value, field) =>
        {
            if (!IsDestination(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not an ISO 3166-1 alpha-2 code (JP, CN, US) or EU");
            }
        });
        Each(watch.Counterparties, prefix + "counterparties", MaxListItems, errors, (party, field) =>
        {
            if (party is null || string.IsNullOrWhiteSpace(party.Name))
            {
                errors.Add(field + ".name", "is required");
                return;
            }

            if (party.Name.Length > MaxTermLength)
            {
                errors.Add(field + ".name", $"is longer than {MaxTermLength} characters");
            }

            if ((party.Aliases?.Count ?? 0) > MaxAliases)
            {
                errors.Add(field + ".aliases", $"has more than {MaxAliases} items");
            }
            else if (party.Aliases?.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > MaxTermLength) == true)
            {
                errors.Add(field + ".aliases", $"each alias must be 1–{MaxTermLength} characters");
            }
        });
    }

    private static void ValidateRecipients(IReadOnlyList<Recipient>? recipients, string path, Collector errors) =>
        Each(recipients, path, MaxRecipients, errors, (recipient, field) =>
        {
            if (recipient is null)
            {
                errors.Add(field, "must not be null");
                return;
            }

            if (!IsEmail(recipient.Email))
            {
                errors.Add(field + ".email", $"'{DisplayText.Clip(recipient.Email ?? "", 60)}' is not an e-mail address");
            }

            if (!IsTimeZone(recipient.TimeZone))
            {
                errors.Add(field + ".timeZone", $"'{DisplayText.Clip(recipient.TimeZone ?? "", 60)}' is not an IANA time zone (Asia/Tokyo)");
            }

            if (recipient.Hour is < 0 or > 23)
            {
                errors.Add(field + ".hour", "must be 0–23");
            }

            if (!IsKnown(recipient.MinSeverity))
            {
                errors.Add(field + ".minSeverity", "must be low, medium, high or critical");
            }

            if (!IsKnown(recipient.Role))
            {
                errors.Add(field + ".role", "must be immediate, digest or escalation");
            }

            if (!IsKnown(recipient.Cadence))
            {
                errors.Add(field + ".cadence", "must be daily or weekly");
            }

            ValidateReminderDays(recipient.ReminderDays, field + ".reminderDays", errors);
        });

    private static void ValidateTeams(IReadOnlyList<TeamsWebhook>? hooks, string path, bool checkUrls, Collector errors) =>
        Each(hooks, path, MaxWebhooks, errors, (hook, field) =>
        {
            if (checkUrls && (hook is null || !Uri.TryCreate(hook.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add(field + ".webhookUrl", "must be an absolute https URL");
            }

            if (hook is not null && !IsKnown(hook.MinSeverity))
            {
                errors.Add(field + ".minSeverity", "must be low, medium, high or critical");
            }

            if (hook is not null)
            {
                ValidateReminderDays(hook.ReminderDays, field + ".reminderDays", errors);
            }
        });

    /// <summary>Lead days of reminders: at most <see cref="ReminderLeads.MaxItems"/>, each 1–<see cref="ReminderLeads.MaxDays"/>, none twice.</summary>
    private static void ValidateReminderDays(IReadOnlyList<int>? days, string path, Collector errors)
    {
        if (days is null)
        {
            errors.Add(path, NullList);
        }
        else if (days.Count > ReminderLeads.MaxItems)
        {
            errors.Add(path, $"has more than {ReminderLeads.MaxItems} items");
        }
        else if (days.Any(d => d is < 1 or > ReminderLeads.MaxDays))
        {
            errors.Add(path, $"each lead must be 1–{ReminderLeads.MaxDays} days");
        }
        else if (days.Distinct().Count() != days.Count)
        {
            errors.Add(path, "names a lead day more than once");
        }
    }

    private static bool HasLetterOrDigit(string value)
    {
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>A list that must not be null nor longer than <paramref name="max"/>; each item checked with its path.</summary>
    private static void Each<T>(IReadOnlyList<T>? values, string path, int max, Collector errors, Action<T, string> check)
    {
        if (values is null)
        {
            errors.Add(path, NullList);
            return;
        }

        if (values.Count > max)
        {
            errors.Add(path, $"has more than {max} items");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            check(values[i], $"{path}[{i}]");
        }
    }

    /// <summary>A list of strings: none null, none longer than <see cref="MaxTermLength"/>, then the item's own rule.</summary>
    private static void EachTerm(IReadOnlyList<string>? values, string path, Collector errors, Action<string, string> check) =>
        Each(values, path, MaxListItems, errors, (value, field) =>
        {
            if (value is null)
            {
                errors.Add(field, "must not be null");
            }
            else if (value.Length > MaxTermLength)
            {
                errors.Add(field, $"is longer than {MaxTermLength} characters");
            }
            else
            {
                check(value, field);
            }
        });

    private sealed class Collector(string companyId)
    {
        public List<CompanyValidationError> Errors { get; } = [];

        public void Add(string field, string message) => Errors.Add(new CompanyValidationError(companyId, field, message));
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
