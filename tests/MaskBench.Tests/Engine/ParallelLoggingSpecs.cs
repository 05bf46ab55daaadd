using System.Text.RegularExpressions;
using Serilog;

namespace MaskBench.Tests.Engine;

public class ParallelLoggingSpecs
{
    [Fact]
    public void Lines_logged_by_targets_running_at_once_stay_whole_and_carry_their_target_s_name()
    {
        // Arrange: the build's own logging, quiet on the console; six targets logging long lines at once
        using var engine = new EngineHarness();
        var file = MaskBench.Engine.Logging.FileFor(engine.Folder);
        MaskBench.Engine.Logging.Start(file, Serilog.Events.LogEventLevel.Error);
        var payload = new string('x', 2_000);
        var targets = Enumerable.Range(1, 6).Select(i => $"Logger{i}").ToArray();
        var started = 0;
        var allStarted = new TaskCompletionSource();
        foreach (var name in targets)
            engine.Async(
                name,
                null,
                null,
                async _ =>
                {
                    if (Interlocked.Increment(ref started) == targets.Length)
                        allStarted.SetResult();
                    await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(20)); // all six log at the same time
                    for (var line = 0; line < 200; line++)
                    {
                        Log.Information("line {Line} from {From} {Payload}", line, name, payload);
                        if (line % 50 == 0)
                            await Task.Yield();
                    }
                }
            );

        // Act
        try
        {
            engine.Run(targets, jobs: 6);
        }
        finally
        {
            Log.CloseAndFlush();
            Log.Logger = Serilog.Core.Logger.None;
        }

        // Assert: every line is one event, tagged with the target that logged it (other specs may log meanwhile)
        var lines = File.ReadAllLines(file).Where(l => l.Contains("from Logger") || l.Contains("xxxxxxxx")).ToList();
        Assert.Equal(6 * 200, lines.Count);
        Assert.All(
            lines,
            line => Assert.Matches(new Regex(@"^\d\d:\d\d:\d\d\.\d{3} \| I \| (Logger\d) \| line \d+ from \1 x{2000}$"), line)
        );
    }
}
