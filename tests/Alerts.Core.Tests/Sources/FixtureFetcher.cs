using Alerts.Core.Fetching;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

/// <summary>An <see cref="IPageFetcher"/> that answers from fixture files by URL path; unknown paths are Gone.</summary>
internal sealed class FixtureFetcher : IPageFetcher
{
    private readonly Dictionary<string, Func<FetchRequest, FetchResult>> _routes = new(StringComparer.Ordinal);

    public List<FetchRequest> Requests { get; } = [];

    public FixtureFetcher Serve(string pathAndQuery, string fixture) =>
        Route(pathAndQuery, r => new FetchResult(FetchOutcome.Ok, r.Url) { StatusCode = 200, Text = RepositoryPaths.ReadFixture(fixture) });

    public FixtureFetcher Fail(string pathAndQuery, FetchOutcome outcome) =>
        Route(pathAndQuery, r => new FetchResult(outcome, r.Url) { Detail = outcome.ToWire() });

    public FixtureFetcher Route(string pathAndQuery, Func<FetchRequest, FetchResult> answer)
    {
        _routes[pathAndQuery] = answer;
        return this;
    }

    /// <summary>Serves every file under <c>fixtures/{folder}</c> at its relative path.</summary>
    public FixtureFetcher ServeTree(string folder, string prefix = "")
    {
        var root = RepositoryPaths.Fixture(folder);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var path = prefix + "/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            Route(path, r => new FetchResult(FetchOutcome.Ok, r.Url) { StatusCode = 200, Text = text });
        }

        return this;
    }

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (_routes.TryGetValue(request.Url.PathAndQuery, out var answer) || _routes.TryGetValue(request.Url.AbsolutePath, out answer))
        {
            return Task.FromResult(answer(request));
        }

        return Task.FromResult(new FetchResult(FetchOutcome.Gone, request.Url) { StatusCode = 404 });
    }
}
