using MaskBench.History;
using MaskBench.Model.Records;

namespace MaskBench.Tests.History;

/// <summary>History records for the specs: one per run, with everything but the figures fixed.</summary>
static class Runs
{
    public const string Machine = "8xTesla-V100-SXM2-16GB-drv535";
    static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static HistoryRecord Of(
        string implementation,
        string commit,
        DateTimeOffset commitDate,
        double? throughput,
        int run,
        string machine = Machine,
        string status = "ok",
        Comparability? key = null,
        string gpu = "clean"
    ) =>
        new(
            HistoryRecord.CurrentSchema,
            machine,
            implementation,
            commit,
            "tree" + commit[..8],
            commitDate,
            "env0123456789ab",
            "default",
            "0.4.0-12-gabcdef0",
            "200..300",
            16,
            throughput,
            gpu,
            status,
            $"r{run}",
            commitDate.AddHours(run + 1),
            key
        );

    /// <summary>A comparability key of the page's setup on 8 GPUs, its window <paramref name="window"/>.</summary>
    public static Comparability Key(string window = "101..500") => new(window, 16, "page", "surround0123456789", 8, "batch=2");

    /// <summary>The runs of every commit of <paramref name="repository"/> as <paramref name="probe"/> measures them, <paramref name="each"/> a commit.</summary>
    public static List<HistoryRecord> Measured(SpeedRepository repository, FakeProbe probe, string implementation, int each) =>
        repository
            .Commits.SelectMany(commit =>
                probe.Sample(commit, each).Throughputs.Select((t, run) => Of(implementation, commit, repository.DateOf(commit), t, run))
            )
            .ToList();

    public static DateTimeOffset Day(int day) => Epoch.AddDays(day);
}
