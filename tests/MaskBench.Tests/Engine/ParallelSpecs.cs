using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>The executor runs independent targets at once. Overlap is shown by the order of starts and ends
/// (or by one target waiting for a signal from the other), never by wall-clock bounds.</summary>
public class ParallelSpecs
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Two_independent_targets_run_at_the_same_time()
    {
        // Arrange: A finishes only once B has started, which a one-at-a-time executor never allows
        var bStarted = new TaskCompletionSource();
        using var engine = new EngineHarness()
            .Async("A", null, null, async token => await bStarted.Task.WaitAsync(Patience, token))
            .Async(
                "B",
                null,
                null,
                _ =>
                {
                    bStarted.SetResult();
                    return Task.CompletedTask;
                }
            );

        // Act
        var results = engine.Run(["A", "B"], jobs: 2);

        // Assert
        Assert.All(results, r => Assert.Equal(TargetStatus.Ran, r.Status));
        Assert.True(engine.Moment("B", "start") < engine.Moment("A", "end"), "B started only after A finished");
    }

    [Fact]
    public void With_one_job_the_targets_run_one_after_another_in_schedule_order()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Async("A", null, null, _ => Task.Delay(20))
            .Async("B", null, null, _ => Task.CompletedTask)
            .Async("C", d => d.DependsOn("A"), null, _ => Task.CompletedTask);

        // Act
        engine.Run(["B", "C"], jobs: 1);

        // Assert
        Assert.Equal(["A", "B", "C"], engine.Ran);
        Assert.True(engine.Moment("A", "end") < engine.Moment("B", "start"), "B started while A was running");
    }

    [Fact]
    public void Targets_using_a_resource_of_one_slot_never_hold_it_together()
    {
        // Arrange: four trainings on one GPU host, with jobs to spare
        var holders = 0;
        var most = 0;
        var engine = new EngineHarness();
        using var _ = engine;
        foreach (var name in new[] { "Train-A", "Train-B", "Train-C", "Train-D" })
            engine.Async(
                name,
                d => d.Uses("gpu-host"),
                null,
                async _ =>
                {
                    var now = Interlocked.Increment(ref holders);
                    InterlockedMax(ref most, now);
                    await Task.Delay(15);
                    Interlocked.Decrement(ref holders);
                }
            );

        // Act
        var results = engine.Run(["Train-A", "Train-B", "Train-C", "Train-D"], jobs: 4);

        // Assert
        Assert.All(results, r => Assert.Equal(TargetStatus.Ran, r.Status));
        Assert.Equal(1, most);
    }

    [Fact]
    public void A_resource_with_two_slots_lets_two_holders_in_at_once_and_never_three()
    {
        // Arrange: each holder waits until a second one is in, so one slot alone would never finish
        var holders = 0;
        var most = 0;
        var two = new TaskCompletionSource();
        var engine = new EngineHarness();
        using var _ = engine;
        foreach (var name in new[] { "Train-A", "Train-B", "Train-C" })
            engine.Async(
                name,
                d => d.Uses("gpu-host", capacity: 2),
                null,
                async token =>
                {
                    var now = Interlocked.Increment(ref holders);
                    InterlockedMax(ref most, now);
                    if (now == 2)
                        two.TrySetResult();
                    await two.Task.WaitAsync(Patience, token);
                    await Task.Delay(10, token);
                    Interlocked.Decrement(ref holders);
                }
            );

        // Act
        var results = engine.Run(["Train-A", "Train-B", "Train-C"], jobs: 8);

        // Assert
        Assert.All(results, r => Assert.Equal(TargetStatus.Ran, r.Status));
        Assert.Equal(2, most);
    }

    [Fact]
    public void Two_targets_that_give_one_resource_different_capacities_are_refused()
    {
        // Arrange
        using var engine = new EngineHarness().Step("A", d => d.Uses("gpu-host", 1)).Step("B", d => d.Uses("gpu-host", 2));

        // Act
        var error = Assert.Throws<BuildException>(() => engine.Graph());

        // Assert
        Assert.Contains("resource 'gpu-host'", error.Message);
    }

    [Fact]
    public void A_target_starts_only_after_all_its_dependencies_finished()
    {
        // Arrange
        using var engine = new EngineHarness()
            .Async("Clone-A", null, null, _ => Task.Delay(30))
            .Async("Clone-B", null, null, _ => Task.Delay(5))
            .Async("Aggregate", d => d.DependsOn("Clone-A", "Clone-B"), null, _ => Task.CompletedTask);

        // Act
        engine.Run(["Aggregate"], jobs: 4);

        // Assert
        var start = engine.Moment("Aggregate", "start");
        Assert.True(engine.Moment("Clone-A", "end") < start, "Aggregate started before Clone-A finished");
        Assert.True(engine.Moment("Clone-B", "end") < start, "Aggregate started before Clone-B finished");
    }

    [Fact]
    public void A_failure_stops_only_what_depends_on_it_while_an_independent_branch_runs_on()
    {
        // Arrange: A fails while B is running; B still finishes and its dependent runs
        var aFailed = new TaskCompletionSource();
        using var engine = new EngineHarness()
            .Async(
                "Train-A",
                null,
                null,
                _ =>
                {
                    aFailed.SetResult();
                    throw new InvalidOperationException("Loss is NaN");
                }
            )
            .Async("Parse-A", d => d.DependsOn("Train-A"), null, _ => Task.CompletedTask)
            .Async("Train-B", null, null, async token => await aFailed.Task.WaitAsync(Patience, token))
            .Async("Parse-B", d => d.DependsOn("Train-B"), null, _ => Task.CompletedTask);

        // Act
        var results = engine.Run(["Parse-A", "Parse-B"], jobs: 2).ToDictionary(r => r.Target);

        // Assert
        Assert.Equal(TargetStatus.Failed, results["Train-A"].Status);
        Assert.Equal(TargetStatus.NotRun, results["Parse-A"].Status);
        Assert.Equal("Train-A failed", results["Parse-A"].Reason);
        Assert.Equal(TargetStatus.Ran, results["Train-B"].Status);
        Assert.Equal(TargetStatus.Ran, results["Parse-B"].Status);
    }

    [Fact]
    public async Task Cancelling_stops_the_running_targets_through_their_token_and_runs_nothing_more()
    {
        // Arrange: A and B run (two jobs), C waits for a job, D for A
        var running = new CountdownEvent(2);
        var sawCancellation = new List<string>();
        using var cancel = new CancellationTokenSource();
        Func<CancellationToken, Task> Hang(string name) =>
            async token =>
            {
                running.Signal();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                catch (OperationCanceledException)
                {
                    lock (sawCancellation)
                        sawCancellation.Add(name);
                    throw;
                }
            };
        using var engine = new EngineHarness()
            .Async("A", null, null, Hang("A"))
            .Async("B", null, null, Hang("B"))
            .Async("C", null, null, _ => Task.CompletedTask)
            .Async("D", d => d.DependsOn("A"), null, _ => Task.CompletedTask);

        // Act
        var run = engine.RunAsync(["A", "B", "C", "D"], jobs: 2, cancellation: cancel.Token);
        Assert.True(running.Wait(Patience), "A and B did not both start");
        await cancel.CancelAsync();
        var results = (await run.WaitAsync(Patience)).ToDictionary(r => r.Target);

        // Assert
        Assert.Equal(["A", "B"], sawCancellation.Order());
        Assert.Equal(["A", "B"], engine.Ran.Order());
        Assert.Equal(TargetStatus.Failed, results["A"].Status);
        Assert.Equal(TargetStatus.Failed, results["B"].Status);
        Assert.Equal(TargetStatus.NotRun, results["C"].Status);
        Assert.Equal("the build was cancelled", results["C"].Reason);
        Assert.Equal(TargetStatus.NotRun, results["D"].Status);
    }

    [Fact]
    public void The_results_come_in_schedule_order_whatever_order_the_targets_finished_in()
    {
        // Arrange: A finishes only once the harness has seen B and C end (an observed event, not a signal they send
        // before they end)
        using var engine = new EngineHarness();
        engine
            .Async(
                "A",
                null,
                null,
                async _ =>
                    await Task.Run(() => SpinWait.SpinUntil(() => engine.Happened("B", "end") && engine.Happened("C", "end"), Patience))
            )
            .Async("B", null, null, _ => Task.CompletedTask)
            .Async("C", null, null, _ => Task.CompletedTask);

        // Act
        var results = engine.Run(["A", "B", "C"], jobs: 3);

        // Assert
        Assert.True(engine.Moment("C", "end") < engine.Moment("A", "end"), "A finished first: the test shows nothing");
        Assert.Equal(["A", "B", "C"], results.Select(r => r.Target));
    }

    static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
