using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Common;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Assessments;

/// <summary>What a signed link does: the three buttons of the alert e-mail and the Teams card.</summary>
public enum LinkAction
{
    AssignToMe,
    NotApplicable,
    ActionNeeded,
}

/// <summary>
/// One signed, single-purpose link: this recipient (an e-mail address, or a Teams channel's webhook hash) may do
/// <see cref="Action"/> to this company's assessment of this notice, from this alert, until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record ActionLink(
    string CompanyId,
    string NoticeKey,
    string AlertId,
    string Recipient,
    LinkAction Action,
    AssessmentChannel Channel,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Who the assessment history names: the recipient for an e-mail link; <c>teams</c> for a card (anyone in the channel).</summary>
    public string Actor => Channel == AssessmentChannel.TeamsLink ? TeamsActor : Recipient;

    public const string TeamsActor = "teams";
}

public enum LinkCheck
{
    Valid,

    /// <summary>Not a token this deployment signed: malformed, an unknown key id, or a signature that does not match.</summary>
    Forged,

    Expired,
}

/// <summary>The outcome of <see cref="ActionLinks.Verify"/>; <see cref="Link"/> and <see cref="LinkId"/> are set unless forged.</summary>
public sealed record LinkVerification(LinkCheck Check, ActionLink? Link = null, string? LinkId = null);

/// <summary>
/// Issues and verifies action-link tokens (issue 19): <c>{keyId}.{payload}.{signature}</c>, each base64url. The payload
/// is a compact canonical JSON array (version, company, notice key, alert id, recipient, action, channel, expiry in
/// Unix seconds); the signature is HMAC-SHA256 over <c>{keyId}.{payload}</c>. The key id is derived from the key, so a
/// rotated key (<see cref="AssessmentOptions.PreviousLinkSigningKeys"/>) still verifies the links it signed. A token
/// carries no API key and grants exactly one action; its <see cref="LinkId"/> (a hash of the payload) lets the
/// assessment service refuse a second use.
/// </summary>
public sealed class ActionLinks
{
    public const int MaxTokenLength = 2048;
    private const string Version = "1";
    private const int KeyIdLength = 8;

    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly (string KeyId, byte[] Key)? _signing;
    private readonly Dictionary<string, byte[]> _verifying = new(StringComparer.Ordinal);

    public ActionLinks(IOptions<AssessmentOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _clock = clock;
        _lifetime = value.LinkLifetime;
        if (AssessmentOptions.DecodeKey(value.LinkSigningKey) is { } key)
        {
            _signing = (KeyId(key), key);
            _verifying[KeyId(key)] = key;
        }

        foreach (var previous in value.PreviousLinkSigningKeys.Select(AssessmentOptions.DecodeKey).OfType<byte[]>())
        {
            _verifying.TryAdd(KeyId(previous), previous);
        }
    }

    /// <summary>
    /// False without a valid <see cref="AssessmentOptions.LinkSigningKey"/>. Start-up validation refuses that in the
    /// hosts; compositions that skip it (tests of other features) render messages without action links.
    /// </summary>
    public bool CanIssue => _signing is not null;

    /// <summary>
    /// The link for <paramref name="alert"/>: it expires <see cref="AssessmentOptions.LinkLifetime"/> after the alert was
    /// raised, so rendering the same alert again (a redelivery) gives the same token and the same link id.
    /// </summary>
    public string IssueFor(Alert alert, string recipient, LinkAction action, AssessmentChannel channel)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Issue(new ActionLink(alert.CompanyId, alert.NoticeKey, alert.AlertId, recipient, action, channel, alert.CreatedAt + _lifetime));
    }

    public string Issue(ActionLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Channel is not (AssessmentChannel.EmailLink or AssessmentChannel.TeamsLink))
        {
            throw new ArgumentException($"An action link is an e-mail or a Teams link, not {link.Channel}.", nameof(link));
        }

        var (keyId, key) = _signing ?? throw new InvalidOperationException("Assessments:LinkSigningKey is not set: action links cannot be signed.");
        string[] fields =
        [
            Version, link.CompanyId, link.NoticeKey, link.AlertId, link.Recipient, ActionName(link.Action),
            link.Channel.WireName(), link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ];
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(fields));
        return $"{keyId}.{payload}.{Sign(key, keyId, payload)}";
    }

    /// <summary>Checks the signature first (nothing of an unsigned payload is read), then the expiry against the clock.</summary>
    public LinkVerification Verify(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return new LinkVerification(LinkCheck.Forged);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !_verifying.TryGetValue(parts[0], out var key))
        {
            return new LinkVerification(LinkCheck.Forged);
        }

        var expected = Encoding.ASCII.GetBytes(Sign(key, parts[0], parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return new LinkVerification(LinkCheck.Forged);
        }

        var link = Parse(parts[1]);
        if (link is null)
        {
            return new LinkVerification(LinkCheck.Forged);
        }

        var linkId = LinkIdOf(parts[1]);
        return _clock.GetUtcNow() >= link.ExpiresAt
            ? new LinkVerification(LinkCheck.Expired, link, linkId)
            : new LinkVerification(LinkCheck.Valid, link, linkId);
    }

    /// <summary>The command a verified link asks for, carrying its link id so it acts once.</summary>
    public static AssessmentCommand ToCommand(ActionLink link, string linkId)
    {
        ArgumentNullException.ThrowIfNull(link);
        var command = new AssessmentCommand(link.CompanyId, link.NoticeKey, link.Actor, link.Channel) { AlertId = link.AlertId, LinkId = linkId };
        return link.Action switch
        {
            LinkAction.AssignToMe => command with { Owner = link.Recipient },
            LinkAction.NotApplicable => command with { State = AssessmentState.NotApplicable },
            _ => command with { State = AssessmentState.ActionNeeded },
        };
    }

    public static string ActionName(LinkAction action) => action switch
    {
        LinkAction.AssignToMe => "assign-to-me",
        LinkAction.NotApplicable => "not-applicable",
        _ => "action-needed",
    };

    /// <summary>The button label of an action.</summary>
    public static string Label(LinkAction action) => action switch
    {
        LinkAction.AssignToMe => "Assign to me",
        LinkAction.NotApplicable => "Not applicable",
        _ => "Action needed",
    };

    /// <summary>The id of a link: the same payload (same company, notice, alert, recipient, action, expiry) is the same link.</summary>
    private static string LinkIdOf(string payload) => "link-" + ContentHash.Short("action-link", payload);

    private static string KeyId(byte[] key) => Base64Url.EncodeToString(SHA256.HashData(key))[..KeyIdLength];

    private static string Sign(byte[] key, string keyId, string payload) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(keyId + "." + payload)));

    private static ActionLink? Parse(string payload)
    {
        try
        {
            var fields = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(payload));
            if (fields is not [Version, var company, var notice, var alert, var recipient, var action, var channel, var expires]
                || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                || ParseAction(action) is not { } parsedAction)
            {
                return null;
            }

            AssessmentChannel? parsedChannel = WireNames.TryParseWire<AssessmentChannel>(channel, out var c) && c is AssessmentChannel.EmailLink or AssessmentChannel.TeamsLink ? c : null;
            return parsedChannel is null || company.Length == 0 || notice.Length == 0 || alert.Length == 0 || recipient.Length == 0
                ? null
                : new ActionLink(company, notice, alert, recipient, parsedAction, parsedChannel.Value, DateTimeOffset.FromUnixTimeSeconds(seconds));
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static LinkAction? ParseAction(string action) => action switch
    {
        "assign-to-me" => LinkAction.AssignToMe,
        "not-applicable" => LinkAction.NotApplicable,
        "action-needed" => LinkAction.ActionNeeded,
        _ => null,
    };
}
