using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;
using MaskBench.Stages.Train;
using MaskBench.Tests.Git;

namespace MaskBench.Tests.Chain;

/// <summary>A MaskBench root of its own (one recipe, <c>fake</c>, whose upstream is a git repository holding the fake
/// trainer), a workspace, and settings: the chain's stages run against it directly, without <c>./build.sh</c>.</summary>
sealed class ChainBench : IDisposable
{
    /// <summary>Seconds per iteration (printed and slept: the harness's line times agree with the log) and images per iteration.</summary>
    public const double Time = 0.05;
    public const int Images = 2;

    readonly UpstreamFixture upstream = new();

    public string Root => Path.Combine(upstream.Root, "maskbench");
    public string Pin { get; private set; }
    public Workspace Workspace { get; }

    readonly string extra;
    readonly string build;

    public ChainBench(string extra = "", string build = "")
    {
        this.extra = extra;
        this.build = build;
        var trainer = Paths.Repository("tests", "fake-trainer");
        var files = Directory
            .GetFiles(trainer, "*.py", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(trainer, f), (string?)File.ReadAllText(f)))
            .ToArray();
        Pin = upstream.Commit("the fake trainer", files);
        Directory.CreateDirectory(Path.Combine(Root, "recipes"));
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(Root, "coco"));
        File.WriteAllText(Path.Combine(Root, "recipes", "fake.json"), Recipe(extra, build));
        Workspace = Workspace.Under(Root);
    }

    public BenchmarkSettings Settings(Window? window = null) =>
        new(
            window ?? new Window(20, 40),
            0,
            Path.Combine(Root, "coco"),
            16,
            TimeSpan.FromMinutes(2),
            Provider.Venv,
            "/usr/bin/python3",
            new Dictionary<string, string>(),
            new Dictionary<string, string>(),
            null,
            null
        );

    public StageContext Context(IExecutor? executor = null, BenchmarkSettings? settings = null) =>
        new(Workspace, settings ?? Settings(), RecipeCatalog.Load(Workspace.Recipes), executor ?? new LocalExecutor(), "build.log");

    /// <summary>Commits symbolic links in the upstream (as an upstream repository may carry them), pins the recipe to
    /// that commit and applies <paramref name="edit"/> to the recipe's text.</summary>
    public void Upstream(Func<string, string> edit, params (string Path, string Target)[] links)
    {
        foreach (var (path, target) in links)
            Pin = upstream.Symlink($"a link {path}", path, target);
        File.WriteAllText(Path.Combine(Root, "recipes", "fake.json"), edit(Recipe(extra, build)));
    }

    public Recipe Fake(StageContext context) => context.Catalog.Get("fake");

    string Recipe(string extra, string build) =>
        FakeRecipe.Json(
            upstream.Upstream,
            Pin,
            Images,
            build,
            $"\"python\", \"fake_trainer.py\", \"--format\", \"maskrcnn-benchmark\", \"--images\", \"{{batch}}\", \"--time\", \"{Time}\"",
            extra
        );

    public void Dispose() => upstream.Dispose();
}
