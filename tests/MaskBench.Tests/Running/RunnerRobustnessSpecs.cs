using System.Text.RegularExpressions;
using MaskBench.Model;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using MaskBench.Stages.Train;
using MaskBench.Tools.Containers;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Running;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
public class RunnerRobustnessSpecs
{
    const string TensorFlowAllocatorWarning =
        "2019-10-01 12:00:00.000000: W tensorflow/core/common_runtime/bfc_allocator.cc:237] Allocator (GPU_0_bfc) ran out of memory trying to allocate 2.26GiB with freed_by_count=0. The caller indicates that this is not a failure, but may mean that there could be performance gains if more memory were available.";

    [Theory]
    [InlineData(TensorFlowAllocatorWarning)]
    [InlineData(
        "Could not load dynamic library 'libnvinfer.so.6'; dlerror: libnvinfer.so.6: cannot open shared object file: No such file or directory"
    )]
    [InlineData("WARNING: the optional ImportError of apex is handled, falling back to torch.nn")]
    public void A_harmless_warning_is_not_a_failure(string line)
    {
        // Arrange
        var signatures = new FailureSignatures([]);

        // Act
        var matched = signatures.Match(new ArrivedLine("stderr", 1, line));

        // Assert
        Assert.Null(matched);
    }

    [Theory]
    [InlineData("ImportError: cannot import name 'x'", "import")]
    [InlineData("  mmcv.utils.ModuleNotFoundError: No module named 'mmcv._ext'", "import")]
    [InlineData("FileNotFoundError: [Errno 2] No such file or directory: 'a.json'", "data")]
    [InlineData("tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor", "oom")]
    [InlineData("MemoryError", "oom")]
    public void A_real_failure_is_named_the_same_by_the_runner_and_the_parser(string line, string kind)
    {
        // Arrange
        var signatures = new FailureSignatures([]);
        var scanner = new FailureScanner([]);

        // Act
        var matched = signatures.Match(new ArrivedLine("stderr", 1, line));
        scanner.Scan(line, 1);

        // Assert
        Assert.Equal(kind, matched?.Kind);
        Assert.Equal(kind, Assert.Single(scanner.Found()).Kind);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_TensorFlow_allocator_warning_before_the_window_does_not_stop_the_run()
    {
        // Arrange
        using var fake = new FakeTraining();
        var warnFirst =
            $"import runpy, sys; print({Quoted(TensorFlowAllocatorWarning)}, file=sys.stderr, flush=True); "
            + "sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')";

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request([], command: [FakeTraining.Python, "-c", warnFirst, FakeTraining.Script, "--format", "plain", "--time", "0.001"])
        );

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Null(outcome.Failure);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_watcher_that_throws_does_not_break_the_run_or_its_record()
    {
        // Arrange
        using var fake = new FakeTraining();
        var watcher = new ThrowingWatcher(new PlainWatcher(new Window(10, 40), 16));

        // Act
        var outcome = await Trainer.TrainAsync(fake.Request(["--format", "plain", "--time", "0.001"], watcher: watcher));

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, RunFiles.Manifest)));
        Assert.False(Directory.Exists(Path.Combine(fake.Runs, "fake.partial")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_capped_training_whose_child_keeps_the_log_open_is_stopped_as_orphans_at_once()
    {
        // Arrange
        using var fake = new FakeTraining();
        string[] command = ["/bin/sh", "-c", "sleep 300 & exec \"$0\" \"$@\"", FakeTraining.Python, FakeTraining.Script];

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request([], mode: "cap", command: [.. command, "--format", "plain", "--time", "0.001", "--iterations", "40"])
        );

        // Assert
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("orphans", outcome.StopReason);
        Assert.InRange(outcome.Duration.TotalSeconds, 0, 30);
    }

    [Fact(Timeout = 90_000)]
    public async Task A_tree_that_survives_the_kill_fails_the_run_and_is_recorded()
    {
        // Arrange
        using var fake = new FakeTraining();
        var host = new NeverGoneHost();

        // Act
        var outcome = await Trainer.TrainAsync(
            fake.Request(["--format", "plain", "--time", "0.001", "--iterations", "40"], mode: "cap", host: host)
        );

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal("orphans", outcome.FailureKind);
        Assert.Contains("\"leftover\": true", File.ReadAllText(Path.Combine(outcome.RunDirectory, RunFiles.Manifest)));
    }

    [Fact(Timeout = 60_000)]
    public async Task Versions_of_a_probe_that_prints_nothing_are_recorded_as_unavailable()
    {
        // Arrange
        using var fake = new FakeTraining();
        var silent = new LocalHost(new LocalHostOptions([], new Dictionary<string, string> { ["python"] = "/bin/true" }));

        // Act
        var versions = await MachineFacts.VersionsAsync(silent, fake.Root);

        // Assert
        Assert.Equal("the version probe printed no JSON", (string?)versions["unavailable"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_container_engine_that_fails_does_not_count_as_the_container_being_gone()
    {
        // Arrange
        var failing = new ContainerStopper("false", "maskbench-none", new Dictionary<string, string?>(), null);
        var answering = new ContainerStopper("true", "maskbench-none", new Dictionary<string, string?>(), null);

        // Act
        var failingGone = await failing.IsGoneAsync();
        var answeringGone = await answering.IsGoneAsync();

        // Assert
        Assert.False(failingGone);
        Assert.True(answeringGone);
    }

    static string Quoted(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    /// <summary>Fails on two lines the way a broken watcher could: a regex timeout, and an unexpected exception.</summary>
    sealed class ThrowingWatcher(ILogWatcher inner) : ILogWatcher
    {
        public Progress Observe(string line) =>
            line.StartsWith("iter 15 ", StringComparison.Ordinal) ? throw new RegexMatchTimeoutException(line, "x", TimeSpan.FromSeconds(1))
            : line.StartsWith("iter 20 ", StringComparison.Ordinal) ? throw new NotSupportedException("a watcher bug")
            : inner.Observe(line);
    }

    /// <summary>Runs locally, but its tree never reports gone: a stand-in for processes stuck in the kernel.</summary>
    sealed class NeverGoneHost : IExecutionHost
    {
        public string Description => "local (never gone)";

        public HostedProcess Prepare(ProcessSpec spec, string name) =>
            new LocalHost().Prepare(spec, name) with
            {
                Stopper = new NeverGone(),
            };

        sealed class NeverGone : IProcessTreeStopper
        {
            public void Started(int processId) { }

            public Task InterruptAsync() => Task.CompletedTask;

            public Task KillAsync() => Task.CompletedTask;

            public Task<bool> IsGoneAsync() => Task.FromResult(false);
        }
    }
}
