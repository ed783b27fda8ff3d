using System.Text.RegularExpressions;

namespace Alerts.Functions.Tests.Infra;

/// <summary>
/// What the code reads and what infra/main.bicep sets, both read as text: app settings are built from module outputs
/// at deploy time, so the compiled ARM template only holds one opaque expression for them.
/// </summary>
internal static partial class AppSettings
{
    /// <summary>
    /// The app setting names main.bicep sets: the top-level keys of <c>var coreAppSettings = { … }</c> and
    /// <c>Sources__&lt;id&gt;__Schedule</c> for each key of <c>param sourceSchedules object = { … }</c>, and
    /// <c>Sources__&lt;id&gt;__RevalidateSchedule</c> for each key of <c>param sourceRevalidateSchedules object = { … }</c>.
    /// </summary>
    public static IReadOnlySet<string> SetByMainBicep(string mainBicep)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in TopLevelKeys(mainBicep, "var coreAppSettings = {"))
        {
            names.Add(key);
        }

        foreach (var id in TopLevelKeys(mainBicep, "param sourceSchedules object = {"))
        {
            names.Add($"Sources__{id.Replace('-', '_')}__Schedule");
        }

        foreach (var id in TopLevelKeys(mainBicep, "param sourceRevalidateSchedules object = {"))
        {
            names.Add($"Sources__{id.Replace('-', '_')}__RevalidateSchedule");
        }

        return names;
    }

    /// <summary>The value expression of one key of <c>coreAppSettings</c> (the rest of its line).</summary>
    public static string? ValueInMainBicep(string mainBicep, string name) =>
        BlockLines(mainBicep, "var coreAppSettings = {")
            .Select(line => KeyLine().Match(line))
            .Where(m => m.Success && m.Groups["key"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Groups["value"].Value.Trim())
            .FirstOrDefault();

    /// <summary>App setting names in <c>%Name%</c> trigger expressions (<c>:</c> written as <c>__</c>).</summary>
    public static IEnumerable<string> TriggerExpressions(string code) =>
        PercentExpression().Matches(code).Select(m => ToAppSettingName(m.Groups["name"].Value));

    /// <summary>Options sections (<c>const string SectionName = "X"</c>) as app-setting prefixes (<c>X__</c>).</summary>
    public static IEnumerable<string> OptionsSections(string code) =>
        SectionNameConstant().Matches(code).Select(m => ToAppSettingName(m.Groups["name"].Value));

    public static string ToAppSettingName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);

    private static IEnumerable<string> TopLevelKeys(string bicep, string header) =>
        BlockLines(bicep, header)
            .Select(line => KeyLine().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups["key"].Value);

    // The lines of an object literal that starts at column 0 with `header` and ends at the first line that is `}`;
    // top-level keys are indented by exactly two spaces (bicep's formatter style).
    private static IEnumerable<string> BlockLines(string bicep, string header)
    {
        var lines = bicep.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(header, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"main.bicep has no line starting with `{header}`: update {nameof(AppSettings)}.");
        }

        for (var i = start + 1; i < lines.Length && lines[i].TrimEnd() != "}"; i++)
        {
            yield return lines[i];
        }
    }

    [GeneratedRegex(@"^  (?:'(?<key>[^']+)'|(?<key>[A-Za-z_][A-Za-z0-9_]*))\s*:(?<value>.*)$")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"""%(?<name>[A-Za-z0-9_:.\-]+)%""")]
    private static partial Regex PercentExpression();

    [GeneratedRegex(@"\bconst\s+string\s+SectionName\s*=\s*""(?<name>[^""]+)""")]
    private static partial Regex SectionNameConstant();
}
