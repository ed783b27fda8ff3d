using Alerts.Core.Fetching;
using Alerts.Core.Notices;

namespace Alerts.Core.Sources;

/// <summary>
/// The validators a poll knows for detail pages and annexes (in), the ones it learns (out), and the annexes as last
/// read, so that a re-read of a known notice asks conditionally and a 304 keeps what the page or annex said then.
/// </summary>
public sealed class ConditionalReads(IReadOnlyDictionary<string, HttpValidators> known, IReadOnlyList<Attachment>? previous = null)
{
    private readonly Dictionary<string, HttpValidators> _learned = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HttpValidators> Known { get; } = known;

    public IReadOnlyDictionary<string, HttpValidators> Learned => _learned;

    /// <summary>The annex at <paramref name="url"/> as last read (with its hash), or null when it was never read.</summary>
    public Attachment? Previous(string url) => previous?.FirstOrDefault(a => a.Url == url && a.Sha256 is not null);

    /// <summary>Keeps the validators an answer carries (a 304 keeps the ones it was asked with when it sends none).</summary>
    public void Remember(Uri url, FetchRequest request, FetchResult result)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == FetchOutcome.NotModified)
        {
            _learned[url.ToString()] = new HttpValidators(result.ETag ?? request.ETag, result.LastModified ?? request.LastModified);
        }
        else if (result.IsOk && (result.ETag is not null || result.LastModified is not null))
        {
            _learned[url.ToString()] = new HttpValidators(result.ETag, result.LastModified);
        }
    }

    /// <summary>Takes over what another set of reads learned (the annexes of one re-read notice).</summary>
    public void Learn(IReadOnlyDictionary<string, HttpValidators> learned)
    {
        ArgumentNullException.ThrowIfNull(learned);
        foreach (var (url, value) in learned)
        {
            _learned[url] = value;
        }
    }
}
