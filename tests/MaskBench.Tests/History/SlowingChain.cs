using System.Globalization;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tests.Git;

namespace MaskBench.Tests.History;

/// <summary>
/// A MaskBench root whose one recipe, <c>fake</c>, trains the fake trainer from a git upstream written by the test:
/// commit k carries <c>time.txt</c>, the seconds per iteration at that commit (<c>broken</c>: its Setup fails), read by a
/// small <c>train.py</c> that runs the fake trainer with it. So the chain, at any commit, measures that commit's speed.
/// </summary>
sealed class SlowingChain : IDisposable
{
    public const double Fast = 0.01,
        Slow = 0.0125;
    public const int Images = 2;

    const string Train = """
        import runpy, sys
        time = open("time.txt").read().strip()
        sys.argv = ["fake_trainer.py"] + sys.argv[1:] + ["--time", time]
        runpy.run_path("fake_trainer.py", run_name="__main__")
        """;

    const string Build = """
        import sys
        sys.exit("this commit does not build" if open("time.txt").read().strip() == "broken" else 0)
        """;

    readonly UpstreamFixture upstream = new();

    public string Root => Path.Combine(upstream.Root, "maskbench");
    public List<string> Commits { get; } = [];
    public Workspace Workspace { get; }

    /// <param name="times">Seconds per iteration of each commit, oldest first; null for a commit that does not build.</param>
    public SlowingChain(IEnumerable<double?> times)
    {
        var trainer = Paths.Repository("tests", "fake-trainer");
        var files = Directory
            .GetFiles(trainer, "*.py", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(trainer, f), (string?)File.ReadAllText(f)))
            .Concat([("train.py", Train), ("build_check.py", Build)])
            .ToList();
        foreach (var time in times)
        {
            var text = time is { } t ? t.ToString(CultureInfo.InvariantCulture) : "broken";
            Commits.Add(
                upstream.Commit(
                    $"commit {Commits.Count}: {text} s an iteration",
                    [.. files, ("time.txt", text), ("commit.txt", Commits.Count.ToString(CultureInfo.InvariantCulture))]
                )
            );
            files.Clear();
        }
        Directory.CreateDirectory(Path.Combine(Root, "recipes"));
        Directory.CreateDirectory(Path.Combine(Root, "coco"));
        File.WriteAllText(Path.Combine(Root, "recipes", "fake.json"), Recipe());
        Workspace = Workspace.Under(Root);
    }

    /// <summary><paramref name="fast"/> commits at <see cref="Fast"/>, then <paramref name="slow"/> at <see cref="Slow"/>.</summary>
    public static SlowingChain Step(int fast, int slow) =>
        new(Enumerable.Repeat<double?>(Fast, fast).Concat(Enumerable.Repeat<double?>(Slow, slow)));

    public static double Throughput(double time) => Images / time;

    public StageContext Context(int repeats = 4, PinnedCommit? pin = null) =>
        new(
            Workspace,
            new BenchmarkSettings(
                new Window(20, 40),
                0,
                Path.Combine(Root, "coco"),
                16,
                TimeSpan.FromMinutes(2),
                Provider.Venv,
                ProgramPath.Find("python3", Root), // the first on PATH: no deep-learning packages to import for the manifest
                new Dictionary<string, string>(),
                new Dictionary<string, string>(),
                null,
                null,
                repeats,
                Pin: pin
            ),
            RecipeCatalog.Load(Workspace.Recipes),
            new LocalExecutor(),
            Path.Combine(Root, "build.log")
        );

    string Recipe() =>
        Chain.FakeRecipe.Json(
            upstream.Upstream,
            Commits[0],
            Images,
            "\"python\", \"build_check.py\"",
            "\"python\", \"train.py\", \"--format\", \"maskrcnn-benchmark\", \"--images\", \"{batch}\""
        );

    public void Dispose() => upstream.Dispose();
}
