using MaskBench.Catalog;
using MaskBench.Environments;
using MaskBench.Running;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    async Task SetupEnvironment(Recipe recipe)
    {
        var prepared = await EnvironmentSetup.SetupAsync(recipe, Source(recipe), EnvironmentOptions, Cancellation);
        EnvironmentIdentityFile.Write(prepared.Identity, EnvironmentRecord(recipe));
        Log.Information(
            "{Provider} environment {Reference}: {Python}, {Packages} packages",
            prepared.Identity.Provider,
            prepared.Identity.Reference,
            prepared.Identity.Python,
            prepared.Identity.Packages.Count
        );
    }

    EnvironmentOptions EnvironmentOptions =>
        new(
            Provider == Provider.Venv ? "venv"
                : ContainerEngine == ContainerEngine.Podman ? "podman"
                : "docker",
            RootDirectory,
            Provider == Provider.Venv ? ProgramOnPath(Python) : null,
            StackOverrides,
            Engine: null,
            EngineVariables: new Dictionary<string, string>(),
            StateDirectory: Path.Combine(WorkDirectory, "state")
        );

    IReadOnlyDictionary<string, string> StackOverrides =>
        KeyValues(Stack.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)), "--stack", "cuda=11.8");

    /// <summary>A program named without a folder (<c>python3</c>) is looked up on PATH, as a shell would.</summary>
    string ProgramOnPath(string program)
    {
        if (program.Contains('/'))
            return Resolve(program);
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
        return found
            ?? throw new Engine.BuildException(
                $"--python {program}: not found on PATH; give the interpreter's path, e.g. --python /usr/bin/python3"
            );
    }

    /// <summary>Before the first Setup or Train runs: GPUs, the container engine and its GPU runtime, free disk;
    /// every problem at once, and nothing long has started.</summary>
    protected override async Task BeforeRunning(IReadOnlyList<string> targetsToRun)
    {
        var heavy = targetsToRun
            .Where(t => t.StartsWith("Setup-", StringComparison.Ordinal) || t.StartsWith("Train-", StringComparison.Ordinal))
            .ToList();
        if (heavy.Count == 0)
            return;
        var engine = Provider == Provider.Venv ? null : EnvironmentOptions.EngineProgram;
        var request = new PreflightRequest(
            heavy.Any(t => t.StartsWith("Train-", StringComparison.Ordinal)) ? Gpus : 0,
            engine,
            [new DiskNeed(WorkDirectory, (Provider == Provider.Venv ? 1L : 30L) << 30, "environments, checkpoints and outputs")]
        );
        var problems = (await Preflight.CheckAsync(request, Cancellation)).ToList();
        if (Coco != SyntheticCoco) // the synthetic dataset is made by Data, which runs first
            foreach (var recipe in Catalog.All.Where(r => heavy.Contains(Chain.Name(Stage.Train, r))))
                problems.AddRange(DataCheck.Problems(recipe, Coco is null ? null : CocoDirectory));
        if (problems.Count > 0)
            throw new Engine.BuildException(
                $"preflight found {problems.Count} problem{(problems.Count == 1 ? "" : "s")} before {string.Join(", ", heavy)}:\n  - "
                    + string.Join("\n  - ", problems)
            );
    }
}
