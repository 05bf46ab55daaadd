using System.Globalization;
using LibGit2Sharp;
using MaskBench.History.Bisect;

namespace MaskBench.Tests.History;

/// <summary>
/// The bisect probe for <see cref="SpeedRepository"/>: reads <c>speed.txt</c> at the commit and turns it into seeded,
/// noisy throughputs (Gaussian, <paramref name="noise"/> relative); the same commit's n-th run always gives the same
/// figure. Counts its calls, and can crash after a number of them.
/// </summary>
sealed class FakeProbe(string clone, double noise = 0.01, int seed = 7, int crashAfter = int.MaxValue)
{
    readonly Dictionary<string, int> runsSoFar = [];

    public int Calls { get; private set; }

    public List<string> Measured { get; } = [];

    public Task<ProbeResult> Measure(string commit, int runs, CancellationToken cancellation) => Task.FromResult(Sample(commit, runs));

    public ProbeResult Sample(string commit, int runs)
    {
        if (Calls >= crashAfter)
            throw new IOException($"the machine went away before measuring {commit[..12]}");
        Calls++;
        Measured.Add(commit);
        using var repository = new Repository(clone);
        var text = ((Blob)repository.Lookup<Commit>(commit)["speed.txt"].Target).GetContentText().Trim();
        if (text == "broken")
            return ProbeResult.NotBuildable("Setup failed: the extension does not compile");
        var mean = double.Parse(text, CultureInfo.InvariantCulture);
        var first = runsSoFar.GetValueOrDefault(commit);
        runsSoFar[commit] = first + runs;
        return ProbeResult.Measured(Enumerable.Range(first, runs).Select(run => Noisy(mean, commit, run)).ToList());
    }

    public double Noisy(double mean, string commit, int run)
    {
        var random = new Random(unchecked(seed * 7919 + StableHash(commit) * 31 + run));
        var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Round(mean * (1 + noise * gaussian), 3);
    }

    static int StableHash(string text) => text.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
