using MaskBench.Foundation.Statistics;

namespace MaskBench.History.Bisect;

/// <summary>
/// Finds the first commit where training throughput dropped, like <c>asv find</c> but with repeated runs and a
/// verdict: each probe measures a commit <see cref="BisectOptions.Repeats"/> times and <see cref="Verdict.Between"/>
/// compares it with the good endpoint's runs — <c>slower</c> is bad, <c>same</c> or <c>faster</c> is good, <c>inconclusive</c> earns the
/// commit more runs up to <see cref="BisectOptions.MaxRuns"/>, after which the commit goes with the endpoint whose
/// median is nearer (and the probe says so). A commit that does not build is skipped and its nearest untried
/// neighbour measured instead, as <c>git bisect skip</c> does. Every measurement is journaled before the next step.
/// </summary>
internal sealed class Bisection
{
    readonly IReadOnlyList<string> commits;
    readonly Func<string, int, CancellationToken, Task<ProbeResult>> probe;
    readonly ProbeJournal journal;
    readonly BisectOptions options;
    readonly Dictionary<int, ProbeRecord> probes = [];
    int calls;

    Bisection(
        IReadOnlyList<string> commits,
        Func<string, int, CancellationToken, Task<ProbeResult>> probe,
        ProbeJournal journal,
        BisectOptions options
    )
    {
        this.commits = commits;
        this.probe = probe;
        this.journal = journal;
        this.options = options;
    }

    /// <summary>Bisects <paramref name="commits"/> (good first, bad last, from <see cref="CommitRange.Between"/>) and writes <c>&lt;folder&gt;/&lt;id&gt;.json</c>.</summary>
    public static async Task<BisectResult> Run(
        string id,
        IReadOnlyList<string> commits,
        Func<string, int, CancellationToken, Task<ProbeResult>> probe,
        string folder,
        BisectOptions options,
        CancellationToken cancellation
    )
    {
        options.Check();
        if (commits.Count < 2)
            throw new HistoryException("a bisect needs a good and a bad commit: pass --good and --bad");
        var bisection = new Bisection(commits, probe, new ProbeJournal(Path.Combine(folder, id)), options);
        var result = await bisection.Search(id, cancellation);
        result.Write(Path.Combine(folder, $"{id}.json"));
        return result;
    }

    async Task<BisectResult> Search(string id, CancellationToken cancellation)
    {
        var (good, bad) = await Endpoints(cancellation);
        int lo = 0,
            hi = commits.Count - 1;
        var skipped = new SortedSet<int>();
        while (Enumerable.Range(lo + 1, hi - lo - 1).Where(i => !skipped.Contains(i)).ToList() is { Count: > 0 } open)
        {
            var middle = (lo + hi) / 2;
            var index = open.MinBy(i => (Math.Abs(i - middle), i));
            var probed = await Measure(index, options.Repeats, cancellation);
            if (probed.Unbuildable is not null)
            {
                skipped.Add(index);
                probes[index] = probed with { Decision = "skipped" };
                continue;
            }
            probed = await Decide(index, probed, good, bad, cancellation);
            if (probed.Decision == "bad")
                hi = index;
            else
                lo = index;
        }
        probes[0] = probes[0] with { Decision = "good" };
        probes[commits.Count - 1] = probes[commits.Count - 1] with { Decision = "bad" };
        var ordered = probes.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        return new BisectResult(
            id,
            commits[0],
            commits[^1],
            commits[hi],
            commits[lo],
            commits.Count,
            ordered.Count,
            calls,
            ordered.Sum(p => p.Throughputs.Count),
            skipped.Where(i => i > lo && i < hi).Select(i => commits[i]).ToList(),
            ordered
        );
    }

    /// <summary>Good must measure faster than bad; inconclusive endpoints get more runs until the cap.</summary>
    async Task<(ProbeRecord Good, ProbeRecord Bad)> Endpoints(CancellationToken cancellation)
    {
        var good = await Buildable(0, options.Repeats, "good", cancellation);
        var bad = await Buildable(commits.Count - 1, options.Repeats, "bad", cancellation);
        while (true)
        {
            var verdict = Verdict.Between(bad.Throughputs, good.Throughputs);
            probes[commits.Count - 1] = bad with { Verdict = verdict };
            switch (verdict.Outcome)
            {
                case Verdict.Slower:
                    return (good, bad);
                case Verdict.Faster:
                    throw new HistoryException(
                        $"the good commit measures slower than the bad one: nothing to bisect ({Describe(good, bad, verdict)})"
                    );
                case Verdict.Same:
                    throw new HistoryException(
                        $"the bad commit measures the same as the good one: nothing to bisect ({Describe(good, bad, verdict)})"
                    );
            }
            if (good.Throughputs.Count >= options.MaxRuns && bad.Throughputs.Count >= options.MaxRuns)
                throw new HistoryException(
                    $"after {options.MaxRuns} runs each the good and bad commits cannot be told apart ({Describe(good, bad, verdict)}): raise the run cap or quiet the machine"
                );
            good = await Buildable(0, More(good), "good", cancellation);
            bad = await Buildable(commits.Count - 1, More(bad), "bad", cancellation);
        }
    }

    async Task<ProbeRecord> Decide(int index, ProbeRecord probed, ProbeRecord good, ProbeRecord bad, CancellationToken cancellation)
    {
        while (true)
        {
            var verdict = Verdict.Between(probed.Throughputs, good.Throughputs);
            if (verdict.Outcome != Verdict.Inconclusive)
                return probes[index] = probed with { Decision = verdict.Outcome == Verdict.Slower ? "bad" : "good", Verdict = verdict };
            if (probed.Throughputs.Count >= options.MaxRuns)
            {
                var median = probed.Median!.Value;
                var nearerBad = Math.Abs(median - bad.Median!.Value) < Math.Abs(median - good.Median!.Value);
                var decision = nearerBad ? "bad" : "good";
                return probes[index] = probed with
                {
                    Decision = decision,
                    Verdict = verdict,
                    Rule = $"inconclusive after {probed.Throughputs.Count} runs: the median is nearer the {decision} endpoint's",
                };
            }
            probed = await Measure(index, More(probed), cancellation);
        }
    }

    int More(ProbeRecord probed) => Math.Min(options.MaxRuns, probed.Throughputs.Count + options.Repeats);

    async Task<ProbeRecord> Buildable(int index, int runs, string role, CancellationToken cancellation)
    {
        var probed = await Measure(index, runs, cancellation);
        if (probed.Unbuildable is { } why)
            throw new HistoryException($"the {role} commit {commits[index]} cannot be measured ({why}): pick another --{role}");
        return probes[index] = probed;
    }

    /// <summary>Brings the commit's runs up to <paramref name="runs"/>, from the journal first, and journals what the probe adds.</summary>
    async Task<ProbeRecord> Measure(int index, int runs, CancellationToken cancellation)
    {
        var commit = commits[index];
        var known = probes.GetValueOrDefault(index) ?? journal.Load(commit) ?? new ProbeRecord(commit, index, [], null);
        known = known with { Index = index, Decision = null, Verdict = null, Rule = null };
        if (known.Unbuildable is null && known.Throughputs.Count < runs)
        {
            cancellation.ThrowIfCancellationRequested();
            calls++;
            var result = await probe(commit, runs - known.Throughputs.Count, cancellation);
            known =
                result.Unbuildable is { } why ? known with { Unbuildable = why }
                : result.Throughputs.Count == 0 ? known with { Unbuildable = "the probe measured no run" }
                : known with { Throughputs = [.. known.Throughputs, .. result.Throughputs] };
            journal.Save(known);
        }
        return probes[index] = known;
    }

    static string Describe(ProbeRecord good, ProbeRecord bad, Verdict verdict) =>
        FormattableString.Invariant(
            $"good median {good.Median:0.##} img/s over {good.Throughputs.Count} runs, bad {bad.Median:0.##} over {bad.Throughputs.Count}, change {verdict.Effect * 100:+0.0;-0.0} %, p {verdict.P:0.####}"
        );
}
