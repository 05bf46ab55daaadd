using MaskBench.Foundation.Text;

namespace MaskBench.Engine;

/// <summary>All targets, their relations resolved and checked, and the order to run a selection in.</summary>
internal sealed class TargetGraph
{
    readonly Dictionary<string, int> index;

    public IReadOnlyList<ExecutableTarget> Targets { get; }

    public TargetGraph(IReadOnlyList<ExecutableTarget> declared)
    {
        var duplicate = declared.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new BuildException($"target '{duplicate.Key}' is declared twice: give each target its own name");
        index = declared.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        foreach (var target in declared)
        foreach (var reference in target.DependsOn.Concat(target.After))
            if (!index.ContainsKey(reference))
                throw new BuildException(
                    $"target '{target.Name}' refers to '{reference}', which is not a target{Suggest.Nearest(reference, index.Keys).Format()}"
                );
        Targets = declared;
        Capacities = ResourceCapacities(declared);
        ThrowOnCycle();
    }

    /// <summary>Every resource a target uses, with its number of slots.</summary>
    public IReadOnlyDictionary<string, int> Capacities { get; }

    public ExecutableTarget this[string name] => Targets[index[name]];

    public bool Contains(string name) => index.ContainsKey(name);

    /// <summary>The invoked targets and their dependencies, in an order that honours DependsOn and After;
    /// ties keep declaration order. Skipped targets stay in the
    /// list but pull in no dependencies of their own.</summary>
    public IReadOnlyList<ExecutableTarget> Schedule(IEnumerable<string> invoked, ISet<string> skipped)
    {
        var scheduled = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(invoked.Reverse());
        while (pending.TryPop(out var name))
        {
            if (!scheduled.Add(name))
                continue;
            var target = this[name];
            if (!skipped.Contains(name))
                foreach (var next in target.DependsOn)
                    pending.Push(next);
        }
        return Order(scheduled);
    }

    IReadOnlyList<ExecutableTarget> Order(HashSet<string> scheduled)
    {
        var before = Edges(scheduled);
        var waiting = scheduled.ToDictionary(n => n, n => before[n].Count, StringComparer.Ordinal);
        var ready = new PriorityQueue<string, int>(waiting.Where(w => w.Value == 0).Select(w => (w.Key, index[w.Key])));
        var ordered = new List<ExecutableTarget>();
        while (ready.TryDequeue(out var name, out _))
        {
            ordered.Add(this[name]);
            foreach (var (other, predecessors) in before)
                if (predecessors.Contains(name) && --waiting[other] == 0)
                    ready.Enqueue(other, index[other]);
        }
        return ordered;
    }

    /// <summary>For each target, the targets that must come before it (restricted to <paramref name="among"/>).</summary>
    Dictionary<string, HashSet<string>> Edges(IReadOnlySet<string> among)
    {
        var before = among.ToDictionary(n => n, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        void Edge(string first, string then)
        {
            if (among.Contains(first) && among.Contains(then))
                before[then].Add(first);
        }
        foreach (var target in Targets.Where(t => among.Contains(t.Name)))
        {
            foreach (var dependency in target.DependsOn.Concat(target.After))
                Edge(dependency, target.Name);
        }
        return before;
    }

    void ThrowOnCycle()
    {
        var before = Edges(index.Keys.ToHashSet(StringComparer.Ordinal));
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done
        var path = new List<string>();
        void Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var first in before[name].OrderBy(n => index[n]))
            {
                if (state.GetValueOrDefault(first) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(first)).Append(first).Reverse();
                    throw new BuildException($"the targets form a cycle: {string.Join(" -> ", cycle)}; remove one of these relations");
                }
                if (state.GetValueOrDefault(first) == 0)
                    Visit(first);
            }
            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }
        foreach (var name in index.Keys.Where(n => state.GetValueOrDefault(n) == 0).ToList())
            Visit(name);
    }

    static Dictionary<string, int> ResourceCapacities(IReadOnlyList<ExecutableTarget> declared)
    {
        var capacities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in declared)
        foreach (var use in target.Uses)
            if (!capacities.TryAdd(use.Resource, use.Capacity) && capacities[use.Resource] != use.Capacity)
                throw new BuildException(
                    $"target '{target.Name}' gives resource '{use.Resource}' {use.Capacity} slots, another target {capacities[use.Resource]}: declare one capacity per resource"
                );
        return capacities;
    }
}
