using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Running;

/// <summary>A training of the fake trainer (tests/fake-trainer), run through the real runner, in a scratch folder.</summary>
sealed class FakeTraining : IDisposable
{
    public static string Script { get; } = Paths.Repository("tests", "fake-trainer", "fake_trainer.py");
    public const string Python = "/usr/bin/python3";

    public string Root { get; } = Directory.CreateTempSubdirectory("maskbench-run-").FullName;
    public string Runs => Path.Combine(Root, "runs");
    public string Output { get; }

    public FakeTraining() => Output = OutputFolders.Fresh(Path.Combine(Root, "work"), "fake");

    public TrainRequest Request(
        IEnumerable<string> options,
        string mode = "watch",
        Window? window = null,
        IExecutionHost? host = null,
        TimeSpan? timeout = null,
        IReadOnlyList<string>? command = null,
        ILogWatcher? watcher = null
    )
    {
        var range = window ?? new Window(10, 40);
        return new TrainRequest(
            "fake",
            new ProcessSpec(command ?? [Python, Script, .. options], Root, new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" }),
            host ?? new LocalHost(),
            watcher ?? new PlainWatcher(range, 16),
            "stdout",
            StopPolicy.For(mode) with
            {
                Grace = TimeSpan.FromSeconds(1),
                AfterFailure = TimeSpan.FromSeconds(2),
            },
            [new FailureSpec("crash", "simulated crash")],
            range,
            16,
            Path.Combine(Runs, "fake"),
            Output,
            null,
            timeout ?? TimeSpan.FromSeconds(30),
            new Dictionary<string, string> { ["commit"] = "0000000" }
        )
        {
            ProbeMachine = false,
        };
    }

    public IReadOnlyList<int> ChildPids() => File.ReadAllLines(Path.Combine(Output, "children.pids")).Select(int.Parse).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
    }
}
