using System.Globalization;
using Alerts.Core;
using Alerts.Core.Fetching;
using Alerts.Core.Common;

namespace Alerts.Testing;

/// <summary>
/// The <c>cn-mofcom-announcements</c> fixture site as an <see cref="IPageFetcher"/> that tests can script: extra notices
/// on the 2026 index (generated from the No.25 page), listings cut short or gone, listings answering 304 when the
/// request's ETag matches, and per-URL faults. Listing ETags are content hashes, so a listing changes its ETag exactly
/// when its rows change. Every request is recorded.
/// </summary>
public sealed class ScriptedMofcomSite : IPageFetcher
{
    public const string Index2026 = "/zcfb/blgg/gg/2026/index.html";
    public const string Index2025 = "/zcfb/blgg/gg/2025/index.html";
    public const string Index2027 = "/zcfb/blgg/gg/2027/index.html";

    private const string Template = "/zcfb/blgg/gg/2026/art/2026/art_b1ce17f4575c4eacb6e64941364998c1.html";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly List<int> _extra = [];
    private readonly List<string> _foreign = [];
    private readonly Dictionary<string, int> _keep = new(StringComparer.Ordinal);
    private readonly List<FetchRequest> _requests = [];

    public ScriptedMofcomSite()
    {
        var root = RepositoryPaths.Fixture("cn-mofcom-announcements/site");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            _files["/" + Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file);
        }
    }

    /// <summary>Answers a request before the site does; null lets the site answer. Set per test.</summary>
    public Func<FetchRequest, FetchResult?>? Fault { get; set; }

    /// <summary>Listing paths that answer 404 (a vanished index).</summary>
    public HashSet<string> GoneListings { get; } = new(StringComparer.Ordinal);

    /// <summary>Listing paths that ignore validators and answer 200 (a CMS that regenerates its index).</summary>
    public HashSet<string> IgnoreValidators { get; } = new(StringComparer.Ordinal);

    /// <summary>When false, only the generated notices are listed on the 2026 index (a listing of exactly the rows a test needs).</summary>
    public bool ListFixtureRows { get; set; } = true;

    /// <summary>When true, detail pages also carry their UTF-8 bytes, as <c>HttpPageFetcher</c> does (for the page archive).</summary>
    public bool ServeBytes { get; set; }

    public IReadOnlyList<FetchRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The detail path of generated notice <paramref name="number"/>.</summary>
    public static string DetailPath(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"/zcfb/blgg/gg/2026/art/2026/art_{number:x8}0a0b0c0d.html");

    /// <summary>The notice key the adapter derives for generated notice <paramref name="number"/>.</summary>
    public static string KeyOf(int number) => string.Create(CultureInfo.InvariantCulture, $"cn-mofcom:2026:{number}");

    /// <summary>Puts generated notice <paramref name="number"/> (its page and its row, newest first) on the 2026 index.</summary>
    public ScriptedMofcomSite AddNotice(int number)
    {
        lock (_gate)
        {
            _extra.Insert(0, number);
        }

        return this;
    }

    /// <summary>Lists a row on the 2026 index whose link is <paramref name="absoluteUrl"/> (another host, say).</summary>
    public ScriptedMofcomSite AddForeignRow(string absoluteUrl)
    {
        lock (_gate)
        {
            _foreign.Add(absoluteUrl);
        }

        return this;
    }

    /// <summary>Takes the rows <see cref="AddForeignRow"/> listed off the 2026 index again.</summary>
    public ScriptedMofcomSite ClearForeignRows()
    {
        lock (_gate)
        {
            _foreign.Clear();
        }

        return this;
    }

    /// <summary>Cuts the listing at <paramref name="path"/> to its first <paramref name="rows"/> rows; null restores it.</summary>
    public ScriptedMofcomSite Truncate(string path, int? rows)
    {
        lock (_gate)
        {
            if (rows is { } keep)
            {
                _keep[path] = keep;
            }
            else
            {
                _keep.Remove(path);
            }
        }

        return this;
    }

    /// <summary>How many requests went to <paramref name="pathAndQuery"/>.</summary>
    public int RequestsTo(string pathAndQuery) => Requests.Count(r => r.Url.AbsolutePath == pathAndQuery);

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _requests.Add(request);
        }

        if (Fault?.Invoke(request) is { } faulted)
        {
            return Task.FromResult(faulted);
        }

        var path = request.Url.AbsolutePath;
        if (GoneListings.Contains(path))
        {
            return Task.FromResult(new FetchResult(FetchOutcome.Gone, request.Url) { StatusCode = 404, Detail = "HTTP 404" });
        }

        var text = Page(path);
        if (text is null)
        {
            return Task.FromResult(new FetchResult(FetchOutcome.Gone, request.Url) { StatusCode = 404, Detail = "HTTP 404" });
        }

        if (path.EndsWith("/index.html", StringComparison.Ordinal))
        {
            var etag = "\"" + ContentHash.Short(text) + "\"";
            if (request.ETag == etag && !IgnoreValidators.Contains(path))
            {
                return Task.FromResult(new FetchResult(FetchOutcome.NotModified, request.Url) { StatusCode = 304, ETag = etag });
            }

            return Task.FromResult(new FetchResult(FetchOutcome.Ok, request.Url) { StatusCode = 200, Text = text, ETag = etag });
        }

        return Task.FromResult(new FetchResult(FetchOutcome.Ok, request.Url) { StatusCode = 200, Text = text, Bytes = ServeBytes ? System.Text.Encoding.UTF8.GetBytes(text) : null });
    }

    private string? Page(string path)
    {
        lock (_gate)
        {
            foreach (var number in _extra)
            {
                if (path == DetailPath(number))
                {
                    return Generated(number);
                }
            }

            if (!_files.TryGetValue(path, out var text))
            {
                return null;
            }

            if (path == Index2026)
            {
                var start = text.IndexOf("<ul class=\"policy-list", StringComparison.Ordinal);
                var open = text.IndexOf('>', start) + 1;
                var close = text.IndexOf("</ul>", open, StringComparison.Ordinal);
                var rows = _extra.Select(Row).ToList();
                rows.AddRange(_foreign.Select(url => $"<li><a href=\"{url}\" title=\"商务部公告2026年第99号 外部链接\">商务部公告2026年第99号 外部链接</a><span>2026-07-01</span></li>\n"));
                if (ListFixtureRows)
                {
                    rows.AddRange(Rows(text[open..close]));
                }

                text = text[..open] + "\n" + string.Concat(Cut(path, rows)) + text[close..];
            }
            else if (path.EndsWith("/index.html", StringComparison.Ordinal) && _keep.ContainsKey(path))
            {
                var start = text.IndexOf("<ul class=\"policy-list", StringComparison.Ordinal);
                var open = text.IndexOf('>', start) + 1;
                var close = text.IndexOf("</ul>", open, StringComparison.Ordinal);
                text = text[..open] + "\n" + string.Concat(Cut(path, Rows(text[open..close]))) + text[close..];
            }

            return text;
        }
    }

    private IEnumerable<string> Cut(string path, List<string> rows) =>
        _keep.TryGetValue(path, out var keep) ? rows.Take(keep) : rows;

    private static List<string> Rows(string list)
    {
        var rows = new List<string>();
        var at = 0;
        while ((at = list.IndexOf("<li>", at, StringComparison.Ordinal)) >= 0)
        {
            var end = list.IndexOf("</li>", at, StringComparison.Ordinal) + "</li>".Length;
            rows.Add(list[at..end] + "\n");
            at = end;
        }

        return rows;
    }

    private static string Row(int number) => string.Create(
        CultureInfo.InvariantCulture,
        $"<li><a href=\"{DetailPath(number)}\" title=\"商务部公告2026年第{number}号 关于测试事项的公告\">商务部公告2026年第{number}号 关于测试事项的公告</a><span>2026-07-01</span></li>\n");

    private string Generated(int number) => _files[Template]
        .Replace("第25号 关于对原产于加拿大的进口豌豆淀粉反倾销调查的初步裁定", $"第{number.ToString(CultureInfo.InvariantCulture)}号 关于测试事项的公告", StringComparison.Ordinal)
        .Replace("商务部公告2026年第25号", $"商务部公告2026年第{number.ToString(CultureInfo.InvariantCulture)}号", StringComparison.Ordinal);
}
