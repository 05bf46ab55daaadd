using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.BuildScript;

[Trait(Needs.Trait, Needs.Processes)]
public class BuildScriptSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task Help_lists_the_targets_the_chains_and_the_parameters_with_their_defaults()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var result = await build.Run("--help");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("*Benchmark", result.StandardOutput);
        Assert.Contains("BenchmarkAll", result.StandardOutput);
        Assert.Matches(@"(?m)^   Test +\S", result.StandardOutput);
        Assert.Matches(@"(?m)^   Generate +Write the generated files", result.StandardOutput);
        Assert.Contains("MaskrcnnBenchmark (maskrcnn-benchmark)", result.StandardOutput);
        Assert.Matches(@"(?m)^  --gpus +GPUs per training run\. Default: 8$", result.StandardOutput);
        Assert.Matches(@"(?m)^ +now: 8 \(default\)$", result.StandardOutput);
        Assert.Matches(@"(?m)^  --jobs +How many targets may run at once", result.StandardOutput);
        Assert.Contains("Exit codes:", result.StandardOutput);
        Assert.All(MaskBench.Engine.ExitCodes.All, c => Assert.Contains($"  {c.Code}  {c.Meaning}", result.StandardOutput));
        Assert.Contains("  4  Compare: at least one implementation is slower", result.StandardOutput);
        Assert.DoesNotContain("--no-logo", result.StandardOutput);
    }

    [Fact(Timeout = 120_000)]
    public async Task Force_jobs_and_root_refuse_a_bad_value_in_one_line()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var force = await build.Run("Benchmark", "--force", "Train-Torchvison", "--plan");
        var jobs = await build.Run("Benchmark", "--jobs", "0", "--plan");
        var root = await build.Run("--help", "--root", Path.Combine(build.Work, "nowhere"));

        // Assert
        Assert.Equal(2, force.ExitCode);
        Assert.Contains(
            "error: --force names an unknown target 'Train-Torchvison' (did you mean 'Train-Torchvision'?)",
            force.StandardError
        );
        Assert.Equal(2, jobs.ExitCode);
        Assert.Contains("error: --jobs 0: give a whole number of 1 or more", jobs.StandardError);
        Assert.Equal(2, root.ExitCode);
        Assert.Contains("nowhere: there is no such folder; give the MaskBench checkout", root.StandardError);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_who_forces_and_skips_one_target_is_told_they_contradict_each_other()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var named = await build.Run(
            "Benchmark",
            "--implementations",
            "mmdetection",
            "--force",
            "Train-Mmdetection",
            "--skip",
            "Train-Mmdetection",
            "--plan"
        );
        var skipAll = await build.Run("Train-Mmdetection", "--force", "Setup-Mmdetection", "--skip", "--plan");

        // Assert
        Assert.Equal(2, named.ExitCode);
        Assert.Equal(
            "error: --force Train-Mmdetection and --skip Train-Mmdetection contradict each other (run it again, and skip it): give Train-Mmdetection to one of them\n",
            named.StandardError
        );
        Assert.Equal(2, skipAll.ExitCode);
        Assert.Contains("error: --force Setup-Mmdetection contradicts --skip with no names", skipAll.StandardError);
        Assert.Empty(named.StandardOutput);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_whose_environment_sets_a_setting_that_is_not_key_value_is_told_the_variable()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var set = await build.RunWith(new Dictionary<string, string?> { ["SET"] = "nokey" }, "--plan");
        var stack = await build.RunWith(new Dictionary<string, string?> { ["NUKE_STACK"] = "cuda" }, "--plan");

        // Assert
        Assert.Equal(2, set.ExitCode);
        Assert.Contains(
            "error: parameter --set (environment variable SET): 'nokey' is not key=value, e.g. --set batch=8",
            set.StandardError
        );
        Assert.Equal(2, stack.ExitCode);
        Assert.Contains("error: parameter --stack (environment variable NUKE_STACK): 'cuda' is not key=value", stack.StandardError);
    }

    [Fact(Timeout = 120_000)]
    public async Task Plan_shows_every_target_of_a_fresh_checkout_as_to_run_with_its_reason()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var text = await build.Run("Benchmark", "--implementations", "mmdetection", "--plan");
        var json = await build.Run("Benchmark", "--implementations", "mmdetection", "--plan", "--json");

        // Assert
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Plan for Benchmark: 6 of 7 targets to run", text.StandardOutput);
        Assert.Contains("Benchmark          collective", text.StandardOutput);
        Assert.Contains("Train-Mmdetection", text.StandardOutput);
        var targets = JObject.Parse(json.StandardOutput)["targets"]!.Select(t => (string)t["target"]!).ToList();
        Assert.Equal(
            [
                "Clone-Mmdetection",
                "Patch-Mmdetection",
                "Setup-Mmdetection",
                "Train-Mmdetection",
                "Parse-Mmdetection",
                "Aggregate",
                "Benchmark",
            ],
            targets
        );
        Assert.False(Directory.Exists(build.WorkDir), "a plan must not write anything into the work folder");
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_target_fails_with_the_nearest_names()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var result = await build.Run("Train-Mmdetecton");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith(
            "error: unknown target 'Train-Mmdetecton' (did you mean 'Train-Mmdetection'?); ./build.sh --help lists them\n",
            result.StandardError
        );
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unknown_implementation_fails_with_the_known_ids()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var result = await build.Run("Benchmark", "--implementations", "detectron3", "--plan");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: unknown implementation 'detectron3' (did you mean 'detectron' or 'detectron2'?)", result.StandardError);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_GPU_run_on_a_machine_without_GPUs_stops_in_preflight_before_anything_starts()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var result = await build.Run("Train-Detectron2", "--skip", "--gpus", "8", "--coco", "synthetic");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: preflight found", result.StandardError);
        Assert.Contains("before Train-Detectron2", result.StandardError);
        Assert.Contains("GPUs", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(build.ArtifactsDir, "runs")), "nothing may start when preflight fails");
    }

    [Fact(Timeout = 120_000)]
    public async Task Setup_with_an_interpreter_without_torch_says_exactly_what_to_install()
    {
        // Arrange: a virtual environment of the python on PATH, which sees none of the system's packages
        using var build = new BuildScript();
        var venv = Path.Combine(build.Work, "venv");
        await CliWrap.Cli.Wrap("python3").WithArguments(["-m", "venv", "--without-pip", venv]).ExecuteAsync();

        // Act
        var result = await build.Run("Setup-Torchvision", "--profile", "smoke", "--python", Path.Combine(venv, "bin", "python"));

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot import torch", result.StandardOutput);
        Assert.Contains("apt-get install python3-torchvision libopenblas0-openmp", result.StandardOutput);
        Assert.Contains("Setup-Torchvision  failed", result.StandardOutput);
        Assert.Contains("Clone-Torchvision  ran", result.StandardOutput);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_user_can_clone_with_LibGit2Sharp_instead_of_the_git_CLI()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var result = await build.Run("Clone-Torchvision", "--profile", "smoke", "--git-transport", "libgit2");

        // Assert: LibGit2Sharp fetches the pin with its history, where the git CLI fetches it alone (shallow)
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("full history", result.StandardOutput);
        Assert.False(File.Exists(Path.Combine(build.WorkDir, "torchvision", "source", ".git", "shallow")));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_second_run_on_a_work_folder_in_use_refuses_and_names_the_holder()
    {
        // Arrange: another run holds the work folder
        using var build = new BuildScript();
        using var held = MaskBench.Engine.WorkLock.Acquire(Path.Combine(build.WorkDir, "stamps", ".lock"));

        // Act
        var result = await build.Run("Data");

        // Assert: 3, not 2: the invocation is fine, the folder is busy
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("another MaskBench run holds", result.StandardError);
        Assert.Contains($"pid {Environment.ProcessId},", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(build.WorkDir, "data")), "the refused run must not write anything");
    }

    [Fact(Timeout = 120_000)]
    public async Task Two_builds_sharing_an_artifacts_folder_never_mix_their_runs()
    {
        // Arrange: another build (its own work folder) writes runs into the same artifacts folder
        using var build = new BuildScript();
        using var held = MaskBench.Engine.WorkLock.Acquire(Path.Combine(build.ArtifactsDir, ".lock"));

        // Act
        var result = await build.Run("Aggregate");

        // Assert
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("another MaskBench run holds", result.StandardError);
        Assert.Contains("give this run its own --artifacts-dir", result.StandardError);
        Assert.False(File.Exists(Path.Combine(build.ArtifactsDir, "benchmark.md")), "the refused run must not write the table");
    }

    [Fact(Timeout = 120_000)]
    public async Task The_plan_on_Slurm_prints_the_batch_script_each_training_would_submit()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var result = await build.Run("Benchmark", "--profile", "smoke", "--executor", "slurm", "--plan");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Train-Torchvision runs as a Slurm job", result.StandardOutput);
        Assert.Contains("#SBATCH --job-name=maskbench-torchvision", result.StandardOutput);
        Assert.Contains("Supervise --root", result.StandardOutput);
    }
}
