using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>Targets whose work runs elsewhere (a Slurm job each; the build only submits and waits) are bounded by their
/// pool (<c>--slurm-max-jobs</c>), not by the local <c>--jobs</c>. Overlap is shown by targets waiting for each other,
/// never by wall-clock bounds.</summary>
public class ElsewhereSpecs
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Each target waits until <paramref name="together"/> of them are in flight: an executor that runs fewer
    /// at once never finishes them (the patience turns that into a failure).</summary>
    static (EngineHarness Engine, Func<int> Most) Jobs(string[] names, int together, Func<ITargetDefinition, ITargetDefinition> configure)
    {
        var inFlight = 0;
        var most = 0;
        var enough = new TaskCompletionSource();
        var engine = new EngineHarness();
        foreach (var name in names)
            engine.Async(
                name,
                configure,
                null,
                async token =>
                {
                    var now = Interlocked.Increment(ref inFlight);
                    lock (enough)
                        most = Math.Max(most, now);
                    if (now >= together)
                        enough.TrySetResult();
                    await enough.Task.WaitAsync(Patience, token);
                    await Task.Delay(10, token);
                    Interlocked.Decrement(ref inFlight);
                }
            );
        return (engine, () => most);
    }

    [Fact]
    public void Every_training_of_a_sweep_is_in_flight_at_once_on_a_cluster_whatever_the_local_jobs()
    {
        // Arrange: five jobs elsewhere, one local slot; each waits for all five
        string[] names = ["Train-A", "Train-B", "Train-C", "Train-D", "Train-E"];
        var (engine, most) = Jobs(names, together: 5, d => d.RunsElsewhere("slurm-jobs", int.MaxValue));
        using var _ = engine;

        // Act
        var results = engine.Run(names, jobs: 1);

        // Assert
        Assert.All(results, r => Assert.Equal(TargetStatus.Ran, r.Status));
        Assert.Equal(5, most());
    }

    [Fact]
    public void A_cluster_limit_keeps_the_jobs_in_flight_at_it_and_never_above()
    {
        // Arrange: --slurm-max-jobs 2 over four trainings, with local jobs to spare
        string[] names = ["Train-A", "Train-B", "Train-C", "Train-D"];
        var (engine, most) = Jobs(names, together: 2, d => d.RunsElsewhere("slurm-jobs", 2));
        using var _ = engine;

        // Act
        var results = engine.Run(names, jobs: 8);

        // Assert
        Assert.All(results, r => Assert.Equal(TargetStatus.Ran, r.Status));
        Assert.Equal(2, most());
    }

    [Fact]
    public void Jobs_in_flight_elsewhere_leave_the_local_slot_to_the_stages_that_run_here()
    {
        // Arrange: a local Parse that may run only while both trainings are in flight, with one local slot
        var bothIn = new TaskCompletionSource();
        var parsed = new TaskCompletionSource();
        var inFlight = 0;
        var engine = new EngineHarness();
        using var _ = engine;
        foreach (var name in new[] { "Train-A", "Train-B" })
            engine.Async(
                name,
                d => d.RunsElsewhere("slurm-jobs", int.MaxValue),
                null,
                async token =>
                {
                    if (Interlocked.Increment(ref inFlight) == 2)
                        bothIn.TrySetResult();
                    await parsed.Task.WaitAsync(Patience, token);
                }
            );
        engine.Async(
            "Parse-Other",
            null,
            null,
            async token =>
            {
                await bothIn.Task.WaitAsync(Patience, token);
                parsed.TrySetResult();
            }
        );

        // Act
        var results = engine.Run(["Train-A", "Train-B", "Parse-Other"], jobs: 1);

        // Assert
        Assert.All(results, r => Assert.Equal(TargetStatus.Ran, r.Status));
    }
}
