using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Testing;

/// <summary>
/// The real public notices of <c>tests/fixtures/real/</c> with the labels written by reading each one
/// (<c>tests/fixtures/real/README.md</c> defines the fields).
/// </summary>
public static class RealCorpus
{
    private static readonly Lazy<IReadOnlyList<RealDocument>> s_documents = new(Load);

    public static IReadOnlyList<RealDocument> Documents => s_documents.Value;

    private static List<RealDocument> Load()
    {
        var root = RepositoryPaths.Fixture("real");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };
        var documents = new List<RealDocument>();
        foreach (var labels in Directory.GetFiles(root, "labels.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(labels)!;
            var group = Path.GetFileName(folder);
            foreach (var label in JsonSerializer.Deserialize<List<RealLabel>>(File.ReadAllText(labels), options) ?? [])
            {
                documents.Add(new RealDocument($"{group}/{label.File}", Path.Combine(folder, label.File), label));
            }
        }

        return documents;
    }
}

/// <summary>One document: its id (<c>group/file</c>), path and label.</summary>
public sealed record RealDocument(string Id, string Path, RealLabel Label)
{
    public string Text => File.ReadAllText(Path);

    public override string ToString() => Id;
}

public sealed record RealLabel
{
    public string File { get; init; } = "";
    public string Source { get; init; } = "";
    public bool Complete { get; init; }
    public string Family { get; init; } = "";
    public string Language { get; init; } = "";
    public string? Number { get; init; }
    public string? NumberPrinted { get; init; }
    public string[] Issuers { get; init; } = [];
    public DateOnly? Published { get; init; }
    public DateOnly? Effective { get; init; }
    public string Measure { get; init; } = "";
    public string[] Destinations { get; init; } = [];
    public string[] Origins { get; init; } = [];
    public RealEntity[] Entities { get; init; } = [];
    public int? StatedEntityCount { get; init; }
    public string[] Goods { get; init; } = [];
    public string[] ControlCodes { get; init; } = [];
    public string[] HsCodes { get; init; } = [];
    public RealWindow[] Windows { get; init; } = [];
    public RealRelation[] Relations { get; init; } = [];
    public RealWatchers Watchers { get; init; } = new();
    public string? Note { get; init; }
}

public sealed record RealEntity(string Zh, string? En);

public sealed record RealWindow(string Kind, DateOnly? Until, string? Target, string? Clause)
{
    [JsonPropertyName("from")]
    public DateOnly? From { get; init; }
}

public sealed record RealRelation(string Kind, string Key);

public sealed record RealWatchers
{
    public string[] Must { get; init; } = [];
    public string[] May { get; init; } = [];
}
