using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using Alerts.Core.Tests.Layering.Probe.Notices;
using Xunit.Abstractions;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Alerts.Core.Tests.Layering;

/// <summary>
/// The layer order of <c>src/Alerts.Core</c>, bottom-up, written once (docs/architecture.md shows the same list): a folder
/// may use the folders before it, never one after it. The root namespace (<c>AddAlertsCore</c>) composes all of them.
/// </summary>
internal static class CoreLayers
{
    public static readonly IReadOnlyList<string> BottomUp =
    [
        "Common", "Notices", "Fetching", "Sources", "Goods", "Subscriptions", "Changes", "Alerts", "Matching", "Measures",
        "Assessments", "Messaging", "Delivery", "Audit", "Ops", "Api", "Dashboard",
    ];

    /// <summary>One rule per layer: its types depend on no type of a layer above it (the composition root included).</summary>
    public static IEnumerable<IArchRule> Rules(string root)
    {
        for (var i = 0; i < BottomUp.Count; i++)
        {
            var above = BottomUp.Skip(i + 1).Select(layer => Pattern(root, layer)).ToList();
            above.Add("^" + Regex.Escape(root) + "$");
            yield return Types().That().ResideInNamespaceMatching(Pattern(root, BottomUp[i]))
                .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(string.Join("|", above)))
                .Because($"{BottomUp[i]} is below {string.Join(", ", BottomUp.Skip(i + 1))} (docs/architecture.md)")
                .WithoutRequiringPositiveResults();
        }
    }

    private static string Pattern(string root, string layer) => "^" + Regex.Escape(root + "." + layer) + @"(\..*)?$";

    /// <summary>Folder → folder type references under <paramref name="root"/> (first namespace segment; "" = root), with one example each.</summary>
    public static SortedDictionary<(string From, string To), string> FolderGraph(Architecture architecture, string root)
    {
        var edges = new SortedDictionary<(string, string), string>();
        foreach (var type in architecture.Types)
        {
            var from = Folder(type.Namespace?.FullName, root);
            if (from is null)
            {
                continue;
            }

            foreach (var target in type.Dependencies.Select(d => d?.Target).OfType<IType>())
            {
                var to = Folder(target.Namespace?.FullName, root);
                if (to is not null && to != from)
                {
                    edges.TryAdd((from, to), $"{type.Name} → {target.Name}");
                }
            }
        }

        return edges;
    }

    private static string? Folder(string? ns, string root) =>
        ns is null ? null : ns == root ? "" : ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;

    /// <summary>The strongly connected components with more than one folder (Tarjan): each is a dependency cycle.</summary>
    public static List<List<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var result = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    result.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return result;
    }

    public static List<string> Violations(Architecture architecture, string root) =>
        Rules(root).SelectMany(rule => rule.Evaluate(architecture)).Where(r => !r.Passed).Select(r => r.Description).ToList();
}

public sealed class CoreLayersTests(ITestOutputHelper output)
{
    private const string CoreRoot = "Alerts.Core";
    private const string ProbeRoot = "Alerts.Core.Tests.Layering.Probe";

    private static readonly Lazy<Architecture> Core =
        new(() => new ArchLoader().LoadAssemblies(typeof(global::Alerts.Core.AlertsCoreServiceCollectionExtensions).Assembly).Build());

    private static readonly Lazy<Architecture> TestAssembly =
        new(() => new ArchLoader().LoadAssemblies(typeof(UpwardProbe).Assembly).Build());

    [Fact]
    public void CoreFolders_InLayerOrder_DependOnNoLayerAbove()
    {
        var violations = CoreLayers.Violations(Core.Value, CoreRoot);

        violations.ShouldBeEmpty(string.Join("\n", violations));
    }

    [Fact]
    public void CoreFolders_Graph_HasNoCycle()
    {
        var graph = CoreLayers.FolderGraph(Core.Value, CoreRoot);
        foreach (var ((from, to), example) in graph)
        {
            output.WriteLine($"{(from == "" ? "(root)" : from)} → {(to == "" ? "(root)" : to)}   e.g. {example}");
        }

        var cycles = CoreLayers.Cycles(graph.Keys);

        cycles.ShouldBeEmpty(string.Join("\n", cycles.Select(c => string.Join(" ⇄ ", c))));
    }

    [Fact]
    public void CoreFolders_EveryFolder_IsInTheLayerList()
    {
        var folders = CoreLayers.FolderGraph(Core.Value, CoreRoot).Keys.SelectMany(e => new[] { e.From, e.To })
            .Where(f => f != "").Distinct();

        folders.Except(CoreLayers.BottomUp).ShouldBeEmpty();
    }

    [Fact]
    public void LayerRules_ProbeReferencingUpward_ReportTheProbe()
    {
        // The same rules over a probe in this test assembly: Probe.Notices.UpwardProbe uses Probe.Api.ProbeHandler.
        var violations = CoreLayers.Violations(TestAssembly.Value, ProbeRoot);

        violations.ShouldHaveSingleItem().ShouldContain(nameof(UpwardProbe));
    }

    [Fact]
    public void FolderGraph_ProbeReferencingUpward_FindsTheCycle()
    {
        var cycles = CoreLayers.Cycles(CoreLayers.FolderGraph(TestAssembly.Value, ProbeRoot).Keys);

        cycles.ShouldHaveSingleItem().ShouldBe(["Api", "Notices"]);
    }
}
