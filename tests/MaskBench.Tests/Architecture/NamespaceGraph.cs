using System.Text.RegularExpressions;

namespace MaskBench.Tests.Architecture;

/// <summary>The product's folders (namespaces under <c>MaskBench.</c>, such as <c>Stages.Train</c>) and which uses which,
/// read from each source file's <c>namespace</c> line, its <c>using MaskBench.X</c> lines and its qualified references
/// (<c>MaskBench.Tools.Telemetry.GpuVerdict</c>). A folder sees its parent namespaces without a using (C#'s lookup):
/// those edges, from a folder to the folders above it, are allowed and not listed.</summary>
sealed partial class NamespaceGraph
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Uses { get; }

    NamespaceGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> uses) => Uses = uses;

    public static NamespaceGraph Of(string sourceRoot)
    {
        var sources = Directory
            .EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(sourceRoot, f), Text: File.ReadAllText(f)))
            .Select(f => (f.File, f.Text, Own: Namespace().Match(f.Text).Groups["own"].Value))
            .ToList();
        // A qualified reference counts when it names a type the folder declares (MaskBench.Tools.Telemetry.GpuVerdict).
        var declared = sources
            .SelectMany(f => Declaration().Matches(f.Text).Select(m => (f.Own, Type: m.Groups["type"].Value)))
            .ToHashSet();
        var uses = new Dictionary<string, Dictionary<string, List<string>>>();
        foreach (var (file, text, own) in sources)
        {
            var used = Using()
                .Matches(text)
                .Select(m => m.Groups["used"].Value)
                .Concat(Qualified().Matches(text).Select(m => NamespaceOf(m.Groups["chain"].Value.Split('.'), declared)).OfType<string>())
                .Where(u => u != own)
                .Distinct();
            foreach (var folder in used)
            {
                var mine = uses.TryGetValue(own, out var m) ? m : uses[own] = [];
                (mine.TryGetValue(folder, out var list) ? list : mine[folder] = []).Add(file);
            }
        }
        return new NamespaceGraph(
            uses.ToDictionary(
                u => u.Key,
                u =>
                    (IReadOnlyDictionary<string, IReadOnlyList<string>>)
                        u.Value.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value)
            )
        );
    }

    /// <summary>The files of other folders that use <paramref name="folder"/>, as <c>user: file</c>.</summary>
    public IReadOnlyList<string> UsersOf(string folder) =>
        [
            .. Uses.SelectMany(u => u.Value.TryGetValue(folder, out var files) ? files.Select(f => $"{u.Key}: {f}") : [])
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>The folders that use each other through some path (Tarjan's strongly connected components of two or
    /// more), each as its names sorted and joined with <c>+</c>.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<string>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in Uses.TryGetValue(v, out var used) ? used.Keys : [])
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                    low[v] = Math.Min(low[v], index[w]);
            if (low[v] != index[v])
                return;
            var component = new List<string>();
            string popped;
            do component.Add(popped = stack.Pop());
            while (popped != v);
            if (component.Count > 1)
                cycles.Add(string.Join("+", component.Order(StringComparer.Ordinal)));
        }
        foreach (var v in Uses.Keys.Order(StringComparer.Ordinal))
            if (!index.ContainsKey(v))
                Visit(v);
        return [.. cycles.Order(StringComparer.Ordinal)];
    }

    /// <summary>The longest namespace of <paramref name="parts"/> (<c>Tools.Telemetry.GpuVerdict.Unknown</c>) followed by
    /// a type it declares; null when none is (a property chain).</summary>
    static string? NamespaceOf(string[] parts, HashSet<(string Own, string Type)> declared)
    {
        for (var i = parts.Length - 1; i > 0; i--)
            if (declared.Contains((string.Join('.', parts[..i]), parts[i])))
                return string.Join('.', parts[..i]);
        return null;
    }

    [GeneratedRegex(@"^namespace MaskBench\.?(?<own>[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using MaskBench\.(?<used>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?MaskBench\.(?<chain>[A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"\b(?:class|record|interface|enum|struct) (?<type>[A-Z]\w*)")]
    private static partial Regex Declaration();
}
