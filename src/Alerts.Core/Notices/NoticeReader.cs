using System.Text.RegularExpressions;
using Alerts.Core.Common;

namespace Alerts.Core.Notices;

/// <summary>
/// What a page or a file gives the reader: a title, the body as lines, and the hints around it (the page's own date,
/// a key the source assigns, the annexes linked). Built by <c>DetailPageParser</c> from HTML and by
/// <c>alerts match --file</c> from a text file, so both read a notice the same way.
/// </summary>
public sealed record NoticeText
{
    public required string SourceId { get; init; }

    public required string Title { get; init; }

    /// <summary>The body, one paragraph (or annex line) a line, whitespace collapsed.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    public required Uri Url { get; init; }

    /// <summary>BCP 47 language: <c>zh-Hans</c>, <c>zh-Hant</c>, <c>ja</c>, <c>en</c>.</summary>
    public string Language { get; init; } = "zh-Hans";

    /// <summary>A date the page or listing shows (meta PubDate, the listing row): used only when the text has none.</summary>
    public DateOnly? PageDate { get; init; }

    /// <summary>A key the source assigns itself (METI's document number), preferred to one read from the text.</summary>
    public string? Key { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>
    /// A saved plain-text notice: its title on the first non-empty line, the body after it. Japanese when the text has
    /// kana, else Chinese (traditional copies are read through the same folding).
    /// </summary>
    public static NoticeText FromPlainText(string sourceId, string text, Uri url, string language = "zh-Hans")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(NoticeExtraction.CollapseWhitespace)
            .Where(l => l.Length > 0)
            .ToList();
        var title = lines.Count > 0 ? lines[0] : "";
        var body = lines.Count > 1 ? lines[1..] : [];
        return new NoticeText
        {
            SourceId = sourceId,
            Title = title,
            Lines = body,
            Url = url,
            Language = NoticeTextFacts.LanguageOf(title, body, language),
        };
    }
}

/// <summary>
/// The one reader of a notice: every source's detail parser and <c>alerts match --file</c> call it, so what the running
/// system understands of a text is what a user who saved the page is told.
/// </summary>
public static partial class NoticeReader
{
    public static Notice Read(NoticeText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Lines;
        var body = string.Join('\n', lines);
        var title = NoticeExtraction.CollapseWhitespace(text.Title);
        if (NoticeExtraction.HasReadings(title + "\n" + body))
        {
            // A mirror's copy with pinyin after its characters: read (and keep) the words without the readings.
            lines = [.. lines.Select(l => NoticeExtraction.StripReadings(l))];
            body = string.Join('\n', lines);
            title = NoticeExtraction.StripReadings(title);
        }

        var chinese = text.Language.StartsWith("zh", StringComparison.Ordinal);

        var number = NoticeExtraction.FindOwnNumber(title, body);
        var fromText = chinese
            ? NoticeExtraction.FindPublished(title, lines, number is { Year: > 0 } n ? n.Year : null)
            : NoticeTextFacts.FirstJapaneseDate(title + "\n" + (body.Length > 1500 ? body[..1500] : body));
        var published = fromText ?? text.PageDate;
        if (number is not null && published is { } date)
        {
            number = NoticeExtraction.WithYear(number, date.Year);
        }

        var measure = NoticeExtraction.ClassifyMeasure(title, body);

        // A spokesperson's answer that recalls "商务部会同…发布2024年第51号公告" discusses that notice; it is not the notice.
        // Keyed by the number, the answer would become a version of No.51 (a false "amended"), so it keeps its URL key.
        if (measure == Measure.Statement && number is { News: true } && NoticeExtraction.FindOwnNumber(title, "") is null)
        {
            number = null;
        }

        // A repost's first line is often its lead sentence (商务部21日表示，自2012年5月22日起…): it is read too.
        // A statement has no measure of its own: a date it restates (上述政策将于2024年9月15日起正式施行) is the notice's.
        var effective = measure == Measure.Statement ? null : NoticeExtraction.FindEffectiveDate(NoticeExtraction.OperativeText(title + "\n" + body), published);
        var (destinations, origins) = NoticeExtraction.FindTargets(title, body, text.Language, measure);
        var entities = NoticeExtraction.FindEntities(lines, measure);
        var key = text.Key ?? (number is { Year: > 0 } ? number.Key : null) ?? CanonicalUrl(text.Url);
        var relations = NoticeExtraction.FindRelations(title, body, key, measure);
        var issuers = number?.Issuers.ToList() ?? [];
        if (issuers.Count == 0 && chinese && IssuingUnit().Match(body.Length > 3000 ? body[..3000] : body) is { Success: true } unit)
        {
            issuers.Add(unit.Groups[1].Value.Trim()); // 【发布单位】 on a MOFCOM page whose number names no issuer
        }

        var notice = new Notice
        {
            Key = key,
            SourceId = text.SourceId,
            Issuers = issuers,
            Number = number?.Printed,
            Title = title,
            Language = text.Language,
            Urls = [text.Url.ToString()],
            Published = published,
            PublishedFromListing = fromText is null && published is not null,
            Effective = effective,
            Measure = measure,
            Destinations = destinations,
            Origins = origins,
            Entities = entities,
            ControlCodes = NoticeExtraction.FindControlCodes(body),
            HsCodes = NoticeExtraction.FindHsCodes(body),
            Attachments = text.Attachments,
            StatedEntityCount = NoticeExtraction.FindStatedEntityCount(title, body),
            Windows = NoticeExtraction.FindWindows(body, measure, effective, relations),
            Relations = relations,
            Body = body,
            BodyHash = ContentHash.Of(body),
        };
        return notice with { Warnings = Warn(notice) };
    }

    /// <summary>
    /// The notice with its fetched annexes: entities, control and HS codes found in an annex count as the notice's;
    /// an annex that could not be read is a warning, never a failed notice.
    /// </summary>
    public static Notice WithAnnexes(Notice notice, IReadOnlyList<Attachment> attachments, IReadOnlyList<string> annexWarnings)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(annexWarnings);
        var entities = notice.Entities.ToList();
        var controlCodes = notice.ControlCodes.ToList();
        var hsCodes = notice.HsCodes.ToList();
        foreach (var attachment in attachments)
        {
            if (attachment.Text.Length == 0)
            {
                continue;
            }

            var lines = attachment.Text.Split('\n');
            foreach (var entity in NoticeExtraction.FindEntities(lines))
            {
                if (!entities.Exists(e => e.Name == entity.Name))
                {
                    entities.Add(entity);
                }
            }

            controlCodes.AddRange(NoticeExtraction.FindControlCodes(attachment.Text).Except(controlCodes, StringComparer.Ordinal));
            hsCodes.AddRange(NoticeExtraction.FindHsCodes(attachment.Text).Except(hsCodes, StringComparer.Ordinal));
        }

        var read = notice with
        {
            Attachments = attachments,
            Entities = entities,
            ControlCodes = controlCodes,
            HsCodes = hsCodes,
        };
        return read with { Warnings = [.. Warn(read), .. annexWarnings] };
    }

    private static List<string> Warn(Notice notice)
    {
        var warnings = new List<string>();
        if (notice.EntityCountMismatch && NoticeExtraction.ActsOnParties(notice.Measure))
        {
            warnings.Add($"The text states {notice.StatedEntityCount} entities; {notice.Entities.Count} were read.");
        }

        return warnings;
    }

    private static string CanonicalUrl(Uri url) => url.GetLeftPart(UriPartial.Query);

    [GeneratedRegex(@"发布单位\s*[】\]]?\s*[：:]?\s*([^\n【]{2,40})", RegexOptions.CultureInvariant, 250)]
    private static partial Regex IssuingUnit();
}
