using System.Globalization;

namespace MaskBench.Tools.Slurm;

/// <summary>Slurm's own commands, each call an argument list with a timeout: submit, one batched squeue or sacct for
/// many jobs, one batched scancel. Every call takes the caller's token (a cancelled one stops the program's tree and
/// throws <see cref="OperationCanceledException"/>) and keeps its own timeout, <see cref="SlurmCommands.CallTimeout"/>
/// or a shorter <c>limit</c>; a call that takes long says so in a line naming the program while it waits.</summary>
internal sealed class SlurmClient(SlurmCommands commands)
{
    /// <summary>Nextflow's killBatchSize: scancel gets at most this many ids a call.</summary>
    const int CancelBatch = 100;

    public SlurmCommands Commands { get; } = commands;

    /// <summary><c>sbatch --parsable &lt;script&gt;</c>; returns the job id. Throws a one-line <see cref="SlurmException"/>:
    /// no sbatch, or sbatch's own error (a partition or account that does not exist, …).</summary>
    public async Task<string> SubmitAsync(string scriptPath, string workingDirectory, CancellationToken cancellation)
    {
        var result = await RunAsync(Commands.Sbatch, ["--parsable", scriptPath], workingDirectory, cancellation);
        if (!result.Started)
            throw new SlurmException(
                $"{Commands.Sbatch} is not on PATH: load your cluster's Slurm module (or install slurm-client) or use --executor local"
            );
        if (!result.Ok)
            throw new SlurmException($"sbatch refused {scriptPath}: {FirstLine(result)}");
        // --parsable prints "jobid" or "jobid;cluster".
        var line = result
            .StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault();
        var id = line?.Split(';')[0];
        if (id is null || !id.All(char.IsAsciiDigit) || id.Length == 0)
            throw new SlurmException($"sbatch accepted {scriptPath} but printed no job id ('{line}'): is this Slurm's sbatch?");
        return id;
    }

    /// <summary>One <c>squeue</c> for all <paramref name="ids"/>, finished jobs included (while Slurm keeps them, MinJobAge).</summary>
    public async Task<QueryResult> QueueAsync(IReadOnlyCollection<string> ids, CancellationToken cancellation, TimeSpan? limit = null)
    {
        string[] arguments =
        [
            "--noheader",
            "--states=all",
            "--Format=JobID:|,State:|,Reason:|,exit_code",
            $"--jobs={string.Join(',', ids)}",
        ];
        var result = await RunAsync(Commands.Squeue, arguments, null, cancellation, limit);
        if (!result.Started)
            return QueryResult.Failed($"{Commands.Squeue} is not on PATH");
        // squeue fails for a list of one unknown id (a list of several just leaves it out): the job is missing.
        if (!result.Ok && result.StandardError.Contains("Invalid job id specified", StringComparison.Ordinal))
            return new QueryResult(new Dictionary<string, JobSnapshot>(), null);
        if (!result.Ok)
            return QueryResult.Failed($"squeue failed: {FirstLine(result)}");
        return Parse(
            result.StandardOutput,
            ids,
            fields => new JobSnapshot(fields[0], Word(fields[1]), fields[2], Status(fields[3], 8), Status(fields[3], 0))
        );
    }

    /// <summary>One <c>sacct</c> for all <paramref name="ids"/>: for jobs that left the queue.</summary>
    public async Task<QueryResult> AccountingAsync(IReadOnlyCollection<string> ids, CancellationToken cancellation, TimeSpan? limit = null)
    {
        string[] arguments = ["--noheader", "--parsable2", "-X", "--format=JobIDRaw,State,ExitCode", $"--jobs={string.Join(',', ids)}"];
        var result = await RunAsync(Commands.Sacct, arguments, null, cancellation, limit);
        if (!result.Started)
            return QueryResult.Failed($"{Commands.Sacct} is not on PATH");
        if (!result.Ok)
            return QueryResult.Failed($"sacct failed: {FirstLine(result)}");
        return Parse(
            result.StandardOutput,
            ids,
            fields => new JobSnapshot(fields[0], Word(fields[1]), "", Part(fields[2], 0), Part(fields[2], 1))
        );
    }

    /// <summary>Whether the cluster keeps accounting that sacct can read (asked once per build), and, when sacct did
    /// not answer at all (it hung, or is not there), why: the caller says so rather than taking the silence for a no.</summary>
    public async Task<(bool Keeps, string? Silence)> HasAccountingAsync(CancellationToken cancellation, TimeSpan? limit = null)
    {
        var result = await RunAsync(Commands.Sacct, ["--noheader", "-X", "--format=JobIDRaw", "--jobs=1"], null, cancellation, limit);
        return (result.Ok, result.End == ProcessEnd.Exited ? null : result.Message);
    }

    /// <summary>One <c>scancel</c> for all <paramref name="ids"/> (in batches of 100); returns its complaint, or null.
    /// A job that already ended makes scancel complain too: that is no failure of the cancel.</summary>
    public async Task<string?> CancelAsync(IReadOnlyCollection<string> ids, CancellationToken cancellation)
    {
        string? complaint = null;
        foreach (var batch in ids.Chunk(CancelBatch))
        {
            var result = await RunAsync(Commands.Scancel, [.. batch], null, cancellation);
            if (!result.Started)
                return $"{Commands.Scancel} is not on PATH: cancel jobs {string.Join(',', ids)} by hand";
            if (!result.Ok)
                complaint = $"scancel {string.Join(' ', batch)}: {FirstLine(result)}";
        }
        return complaint;
    }

    Task<ProcessResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? directory,
        CancellationToken cancellation,
        TimeSpan? limit = null
    ) =>
        ProcessRunner.RunAsync(
            ProcessSpec.Of([program, .. arguments], Commands.Environment(), directory),
            new ProcessOptions
            {
                What = Path.GetFileName(program), // "squeue: still running after 0m15s (stopped after 00:01:00)"
                Timeout = limit is { } shorter && shorter < Commands.CallTimeout ? shorter : Commands.CallTimeout,
                ProgressEvery = Commands.CallTimeout / 4,
            },
            cancellation
        );

    static QueryResult Parse(string output, IReadOnlyCollection<string> ids, Func<string[], JobSnapshot> read)
    {
        var wanted = ids.ToHashSet();
        var jobs = new Dictionary<string, JobSnapshot>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|').Select(f => f.Trim()).ToArray();
            if (fields.Length < 3)
                return QueryResult.Failed($"cannot read the line '{line}' of the job query");
            if (fields.Length == 3)
                fields = [.. fields, ""];
            if (wanted.Contains(fields[0]))
                jobs[fields[0]] = read(fields);
        }
        return new QueryResult(jobs, null);
    }

    /// <summary>"CANCELLED by 0" → CANCELLED.</summary>
    static string Word(string state) => state.Split(' ', 2)[0].ToUpperInvariant();

    /// <summary>squeue's exit_code is a wait status: the exit code in bits 8-15, the signal in bits 0-6.</summary>
    static int? Status(string field, int shift) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? shift == 8
                ? (status >> 8) & 0xff
                : status & 0x7f
            : null;

    /// <summary>sacct's ExitCode is <c>code:signal</c>.</summary>
    static int? Part(string field, int index) =>
        field.Split(':') is { Length: 2 } parts
        && int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    /// <summary>The first line Slurm printed (its error first), or why the call did not finish.</summary>
    static string FirstLine(ProcessResult result) =>
        result.End != ProcessEnd.Exited
            ? result.Message
            : (result.StandardError + "\n" + result.StandardOutput)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault()
                ?? $"exit code {result.ExitCode}, no output";
}
