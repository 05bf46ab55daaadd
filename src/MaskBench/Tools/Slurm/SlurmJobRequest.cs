namespace MaskBench.Tools.Slurm;

/// <summary>One training as one batch job: the script runs <paramref name="Command"/> (MaskBench's supervisor) on the
/// node, which trains, stops after the window and writes the run record into <paramref name="RunFolder"/>.</summary>
/// <param name="RunName">The job's name and the journal's key: unique per run, e.g. <c>maskbench-detectron2-r1</c>.</param>
/// <param name="RunFolder">Absolute, on a filesystem the node shares: the script, Slurm's output and error files.</param>
/// <param name="WorkingDirectory">Absolute: the job's <c>--chdir</c> (the repository root).</param>
/// <param name="Command">The program and its arguments, exec'ed by the script; each argument is shell-quoted.</param>
/// <param name="Variables">Exported by the script before the exec (e.g. <c>PYTHONUNBUFFERED=1</c>).</param>
/// <param name="ExitMarker">A file the supervisor writes last, holding its exit code: read when the scheduler has
/// forgotten the job (no accounting, past MinJobAge, e.g. after a re-attach); null when there is none.</param>
/// <param name="Files">Files the command reads (name in the run folder, text), e.g. the training's <c>job.json</c>: written
/// beside the script at submission, and part of the job's <see cref="Identity"/>.</param>
internal sealed record SlurmJobRequest(
    string RunName,
    string RunFolder,
    string WorkingDirectory,
    IReadOnlyList<string> Command,
    SlurmResources Resources,
    IReadOnlyDictionary<string, string> Variables,
    string? ExitMarker = null,
    IReadOnlyDictionary<string, string>? Files = null,
    NodeProgram? Program = null
)
{
    /// <summary>What the job runs: the script and every file its command reads. A journalled job re-attaches only when
    /// this is the same (a rerun with other settings writes another job.json under the same script).</summary>
    public string Identity()
    {
        var script = BatchScript.Render(this);
        if (Files is not { Count: > 0 })
            return BatchScript.Hash(script);
        var text = new System.Text.StringBuilder(script);
        foreach (var (name, content) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            text.Append('\0').Append(name).Append('\0').Append(content);
        return global::MaskBench.Foundation.Files.Hashing.Text(text.ToString());
    }

    /// <summary>The script's path: <c>&lt;run folder&gt;/job.sh</c>.</summary>
    public string ScriptPath => Path.Combine(RunFolder, BatchScript.FileName);

    /// <summary>Slurm's stdout file for job <paramref name="jobId"/>.</summary>
    public string OutputFile(string jobId) => Path.Combine(RunFolder, $"slurm-{jobId}.out");

    /// <summary>Slurm's stderr file for job <paramref name="jobId"/>.</summary>
    public string ErrorFile(string jobId) => Path.Combine(RunFolder, $"slurm-{jobId}.err");
}
