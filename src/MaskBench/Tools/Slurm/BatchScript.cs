using System.Text;
using System.Text.RegularExpressions;
using MaskBench.Foundation.Files;

namespace MaskBench.Tools.Slurm;

/// <summary>The batch script of one training: <c>#SBATCH</c> lines from the resources, then an <c>exec</c> of the
/// supervisor, so that the TERM Slurm sends the batch shell before the time limit reaches the supervisor itself.
/// Kept in the run folder; its hash goes into the Train stamp.</summary>
internal static partial class BatchScript
{
    public const string FileName = "job.sh";

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex JobName();

    [GeneratedRegex("^/[A-Za-z0-9_./+,:=@-]*$")]
    private static partial Regex SbatchPath();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();

    public static string Render(SlurmJobRequest request)
    {
        if (!JobName().IsMatch(request.RunName))
            throw new SlurmException($"the run name '{request.RunName}' cannot be a job name: use letters, digits and _ . - only");
        if (request.Command.Count == 0)
            throw new SlurmException($"{request.RunName}: the job's command is empty");
        var folder = Checked("run folder", request.RunFolder);
        var directory = Checked("working directory", request.WorkingDirectory);
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append($"# MaskBench training job {request.RunName}: written by MaskBench, submitted with sbatch --parsable.\n");
        script.Append("# Its hash is part of the Train stamp: an edit by hand makes the training stale.\n");
        foreach (var directive in Directives(request, folder, directory))
            script.Append("#SBATCH ").Append(directive).Append('\n');
        foreach (var (name, value) in request.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!VariableName().IsMatch(name))
                throw new SlurmException($"{request.RunName}: '{name}' is not a valid environment variable name");
            script.Append($"export {name}={ShellQuote.Quote(value)}\n");
        }
        foreach (var line in request.Program?.CheckLines() ?? [])
            script.Append(line).Append('\n');
        script.Append("exec ").Append(ShellQuote.Join(request.Command)).Append('\n');
        return script.ToString();
    }

    /// <summary>The script's identity for the Train stamp.</summary>
    public static string Hash(string script) => Hashing.Text(script);

    /// <summary>Renders the script and writes it atomically to <see cref="SlurmJobRequest.ScriptPath"/>; returns its hash.</summary>
    public static string Write(SlurmJobRequest request)
    {
        var script = Render(request);
        AtomicFile.WriteAllText(request.ScriptPath, script, (UnixFileMode)0b111_101_101); // 0755
        return Hash(script);
    }

    static IEnumerable<string> Directives(SlurmJobRequest request, string folder, string directory)
    {
        yield return $"--job-name={request.RunName}";
        yield return $"--output={folder}/slurm-%j.out";
        yield return $"--error={folder}/slurm-%j.err";
        yield return $"--chdir={directory}";
        foreach (var directive in request.Resources.Directives())
            yield return directive;
        // The TERM backstop's lead, capped at half the limit for short jobs (a lead past the limit fires at once).
        var lead = Math.Min(TimeLimit.SignalLead.TotalSeconds, request.Resources.TimeLimit.TotalSeconds / 2);
        yield return $"--signal=B:TERM@{(int)lead}";
        // A measurement cannot resume mid-window: never let Slurm rerun it behind our back (the executor resubmits).
        yield return "--no-requeue";
        yield return "--open-mode=truncate";
        yield return "--export=ALL";
    }

    /// <summary>Paths go into <c>#SBATCH</c> lines, which sbatch splits on spaces and where <c>%</c> is a pattern.</summary>
    static string Checked(string what, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(path);
        if (!Path.IsPathRooted(full) || !SbatchPath().IsMatch(full))
            throw new SlurmException(
                $"the {what} '{path}' cannot go into an #SBATCH line: it must be absolute, without spaces, quotes, % or #; move the work folder to such a path"
            );
        return full;
    }
}
