using System.Collections.Concurrent;
using MaskBench.Foundation.Files;
using Newtonsoft.Json;

namespace MaskBench.Tools.Slurm;

/// <summary>The jobs this work folder has in flight, one entry per run, written atomically right after sbatch and
/// before any wait: a build killed mid-run finds its jobs here on the next invocation and re-attaches to them instead of
/// submitting again. An entry goes once its job's outcome has been read.</summary>
internal sealed class JobJournal(string path)
{
    static readonly ConcurrentDictionary<string, Lock> Gates = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The journal of a work folder: <c>&lt;work&gt;/slurm/jobs.json</c>.</summary>
    public static JobJournal In(string workFolder) => new(System.IO.Path.Combine(workFolder, "slurm", "jobs.json"));

    Lock Gate => Gates.GetOrAdd(Path, _ => new Lock());

    public IReadOnlyList<JournalEntry> Entries()
    {
        lock (Gate)
            return Read();
    }

    public JournalEntry? Find(string runName) => Entries().FirstOrDefault(e => e.RunName == runName);

    /// <summary>Records the run's job, replacing an older entry of the same run.</summary>
    public void Record(JournalEntry entry) => Change(entries => [.. entries.Where(e => e.RunName != entry.RunName), entry]);

    /// <summary>Forgets job <paramref name="jobId"/> (only that job: a newer submission of the run stays).</summary>
    public void Remove(string runName, string jobId) =>
        Change(entries => [.. entries.Where(e => e.RunName != runName || e.JobId != jobId)]);

    void Change(Func<List<JournalEntry>, List<JournalEntry>> change)
    {
        lock (Gate)
        {
            var entries = change(Read());
            JsonFiles.Write(Path, entries.OrderBy(e => e.RunName, StringComparer.Ordinal));
        }
    }

    List<JournalEntry> Read()
    {
        if (!File.Exists(Path))
            return [];
        try
        {
            return JsonFiles.ParseOrNull<List<JournalEntry>>(File.ReadAllText(Path)) ?? [];
        }
        catch (JsonException e)
        {
            throw new SlurmException(
                $"the job journal {Path} is unreadable ({e.Message}): cancel its jobs by hand (squeue --me), then delete it"
            );
        }
    }
}
