using MaskBench.Model;

namespace MaskBench.Stages;

/// <summary>The only owner of paths: where MaskBench's own files are (<see cref="Root"/>), where clones, environments,
/// outputs and stamps go (<see cref="Work"/>), where runs and the table go (<see cref="Artifacts"/>), and the weights
/// cache. Every stage asks it; no other code builds a path from these folders.</summary>
/// <param name="Root">The MaskBench checkout: recipes/, patches/, environments/.</param>
/// <param name="Work">Clones, environments, training outputs, stamps and locks (<c>--work-dir</c>).</param>
/// <param name="Artifacts">Runs and the comparison table (<c>--artifacts-dir</c>).</param>
/// <param name="Weights">The cache of pretrained weights (<c>--weights</c>).</param>
/// <param name="HistoryFolder">The run history given with <c>--history</c>; null: <see cref="History"/>'s default.</param>
internal sealed record Workspace(string Root, string Work, string Artifacts, string Weights, string? HistoryFolder = null)
{
    /// <summary>The history of every finished run (<c>--history</c>; default <c>artifacts/history</c>): append-only files.</summary>
    public string History => HistoryFolder ?? Path.Combine(Artifacts, "history");

    /// <summary>The SQLite index of the history, rebuilt from its files on demand: never the only copy.</summary>
    public string HistoryIndex => Path.Combine(Work, "history.db");

    public string Recipes => Path.Combine(Root, "recipes");

    public string Patches(string id) => Path.Combine(Root, "patches", id);

    public string Implementation(string id) => Path.Combine(Work, id);

    public string Source(string id) => Path.Combine(Implementation(id), "source");

    public string PatchRecord(string id) => Path.Combine(Implementation(id), "patch-report.json");

    public string EnvironmentRecord(string id) => Path.Combine(Implementation(id), "environment.json");

    /// <summary>A virtual environment the venv provider makes for one implementation (never the user's interpreter).</summary>
    public string VirtualEnvironment(string id) => Path.Combine(Implementation(id), "venv");

    /// <summary>Small files of MaskBench's own (interpreter shims).</summary>
    public string State => Path.Combine(Work, "state");

    /// <summary>The parent of an implementation's fresh <c>{output}</c> folders (one per run, see <c>OutputFolders</c>).</summary>
    public string Outputs(string id) => Path.Combine(Work, "outputs", id);

    /// <summary>Trainings in flight: one entry per run, so a later build can find what a killed one left running.</summary>
    public string LiveTrainings => Path.Combine(Work, "live");

    /// <summary>Container images made for Slurm jobs (enroot squashfs, Apptainer .sif), one per environment image.</summary>
    public string JobImages => Path.Combine(Work, "images");

    /// <summary>Short jobs that read a node's GPUs (Track on Slurm); each folder is removed once read.</summary>
    public string NodeProbes => Path.Combine(Work, "node-probes");

    public string Stamps => Path.Combine(Work, "stamps");

    public string SyntheticCoco => Path.Combine(Work, "data", "synthetic-coco");

    /// <summary>Where <c>Aggregate --from</c> writes its table: beside the measured one, never over it.</summary>
    public string FromLogsArtifacts => Path.Combine(Artifacts, "from-logs");

    /// <summary>The wheelhouse when <c>--wheelhouse</c> names none.</summary>
    public string Wheelhouse => Path.Combine(Work, "wheelhouse");

    public string Runs => Path.Combine(Artifacts, "runs");

    /// <summary>A bare clone of an implementation's whole repository, for Bisect's and Track's questions about its history.</summary>
    public string HistoryClone(string id) => Path.Combine(Implementation(id), "history.git");

    /// <summary>The work area of one commit that Bisect or Track measures: its own clone, environment, runs and stamps.</summary>
    public string Probe(string id, string commit) => Path.Combine(Work, "probes", id, commit);

    /// <summary><c>artifacts/bisect</c>: each bisect's answer (<c>&lt;id&gt;.json</c>, <c>.md</c>, <c>.svg</c>) and its journal (<c>&lt;id&gt;/</c>).</summary>
    public string Bisect => Path.Combine(Artifacts, "bisect");

    /// <summary><c>artifacts/over-time</c>: the report over time, one chart per machine key and implementation.</summary>
    public string OverTime => Path.Combine(Artifacts, "over-time");

    /// <summary><c>runs/&lt;implementation&gt;/&lt;repeat&gt;/</c>: the log, line times, manifest and record of one run.</summary>
    public string Run(RunKey run) => Path.Combine(Runs, run.Implementation, run.Folder);

    public string RunFile(RunKey run, string name) => Path.Combine(Run(run), name);

    public string Record(RunKey run) => RunFile(run, RunFiles.Record);

    /// <summary>Held while a build writes runs or the table, so two builds never mix their runs in one folder.</summary>
    public string ArtifactsLock => Path.Combine(Artifacts, ".lock");

    public static Workspace Under(string root, string? work = null, string? artifacts = null, string? weights = null)
    {
        var workFolder = Path.GetFullPath(work ?? Path.Combine(root, ".work"));
        return new Workspace(
            Path.GetFullPath(root),
            workFolder,
            Path.GetFullPath(artifacts ?? Path.Combine(root, "artifacts")),
            Path.GetFullPath(weights ?? Path.Combine(workFolder, "weights"))
        );
    }
}
