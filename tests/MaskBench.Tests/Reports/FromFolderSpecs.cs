using CliWrap;
using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Reports;
using MaskBench.Tests.Parsing;

namespace MaskBench.Tests.Reports;

/// <summary><c>Aggregate --from</c> on a folder a user (or an attacker) made: only regular files are opened, lines are
/// bounded, and one bad row never costs the table.</summary>
public sealed class FromFolderSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-from-").FullName;
    readonly RecipeCatalog catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    public void Dispose() => Directory.Delete(folder, true);

    IReadOnlyList<Recipe> Two => [catalog.Get("detectron2"), catalog.Get("maskrcnn-benchmark")];

    /// <summary>A good detectron2 log, and maskrcnn-benchmark's folder prepared by <paramref name="breakIt"/>; rows within 30 s.</summary>
    async Task<IReadOnlyList<BenchmarkRow>> AggregateWith(Func<string, Task> breakIt)
    {
        _ = new TestRun(new LogOptions("detectron2"), Path.Combine(folder, "detectron2"));
        var broken = Path.Combine(folder, "maskrcnn-benchmark");
        Directory.CreateDirectory(broken);
        await breakIt(Path.Combine(broken, RunFiles.Log));
        return await Task.Run(() => Aggregator.FromLogs(Two, folder, r => r.ImagesPerIteration(8))).WaitAsync(TimeSpan.FromSeconds(30));
    }

    static Task Run(string program, params string[] arguments) => Cli.Wrap(program).WithArguments(arguments).ExecuteAsync();

    public static TheoryData<string, string> Hostile =>
        new()
        {
            { "fifo", "is a FIFO (named pipe), not a regular file: put the captured log there" },
            { "dev-zero", "is a character device, not a regular file" },
            { "loop", "is a symbolic link that cannot be followed" },
            { "dangling", "is a symbolic link that leads nowhere" },
            { "directory", "is a directory, not a regular file" },
        };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_log_that_is_not_a_regular_file_fails_its_row_before_anything_opens_it(string kind, string expected)
    {
        // Act
        var rows = await AggregateWith(log =>
            kind switch
            {
                "fifo" => Run("mkfifo", log),
                "dev-zero" => Task.FromResult(File.CreateSymbolicLink(log, "/dev/zero")),
                "loop" => Task.FromResult(File.CreateSymbolicLink(log, log)),
                "dangling" => Task.FromResult(File.CreateSymbolicLink(log, Path.Combine(folder, "nothing"))),
                _ => Task.FromResult(Directory.CreateDirectory(log)),
            }
        );

        // Assert
        var byId = rows.ToDictionary(r => r.Implementation);
        Assert.Equal(ThroughputResult.Ok, byId["detectron2"].Status);
        Assert.Equal(ThroughputResult.Failed, byId["maskrcnn-benchmark"].Status);
        Assert.Contains(expected, byId["maskrcnn-benchmark"].Reason);
        Assert.Contains(Path.Combine(folder, "maskrcnn-benchmark", RunFiles.Log), byId["maskrcnn-benchmark"].Reason);
    }

    [Fact]
    public async Task A_line_times_file_that_is_a_FIFO_fails_its_row_and_is_never_opened()
    {
        // Act
        var rows = await AggregateWith(async log =>
        {
            _ = new TestRun(new LogOptions("maskrcnn-benchmark"), Path.GetDirectoryName(log));
            File.Delete(Path.Combine(Path.GetDirectoryName(log)!, RunFiles.Times));
            await Run("mkfifo", Path.Combine(Path.GetDirectoryName(log)!, RunFiles.Times));
        });

        // Assert
        var row = rows.Single(r => r.Implementation == "maskrcnn-benchmark");
        Assert.Equal(ThroughputResult.Failed, row.Status);
        Assert.Contains("bad-times: ", row.Reason);
        Assert.Contains("train.times.tsv is a FIFO (named pipe)", row.Reason);
    }

    [Theory]
    [InlineData("negated", "s is before the start")]
    [InlineData("reversed", "earlier than the line before")]
    [InlineData("cut", "but the window's lines reach line")]
    public async Task A_tampered_line_times_file_fails_its_row_instead_of_switching_the_cross_check_off(string tampering, string expected)
    {
        // Act
        var rows = await AggregateWith(log =>
        {
            _ = new TestRun(new LogOptions("maskrcnn-benchmark"), Path.GetDirectoryName(log));
            var times = Path.Combine(Path.GetDirectoryName(log)!, RunFiles.Times);
            var lines = File.ReadAllLines(times);
            File.WriteAllLines(
                times,
                tampering switch
                {
                    "negated" => lines.Select((l, i) => i % 2 == 1 && !l.StartsWith("0\t", StringComparison.Ordinal) ? "-" + l : l),
                    "reversed" => lines.Select((l, i) => $"{lines[^(i + 1)].Split('\t')[0]}\t{l.Split('\t')[1]}"), // times run backwards
                    _ => lines.Take(lines.Length / 4),
                }
            );
            return Task.CompletedTask;
        });

        // Assert
        var row = rows.Single(r => r.Implementation == "maskrcnn-benchmark");
        Assert.Equal(ThroughputResult.Failed, row.Status);
        Assert.Contains("bad-times: ", row.Reason);
        Assert.Contains(expected, row.Reason);
    }

    [Fact]
    public async Task A_row_folder_that_links_to_its_parent_is_read_without_looping()
    {
        // Act: maskrcnn-benchmark/loop -> .. , and a good log beside it
        var rows = await AggregateWith(log =>
        {
            _ = new TestRun(new LogOptions("maskrcnn-benchmark"), Path.GetDirectoryName(log));
            File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(log)!, "loop"), "..");
            return Task.CompletedTask;
        });

        // Assert
        Assert.All(rows, r => Assert.Equal(ThroughputResult.Ok, r.Status));
        Assert.DoesNotContain(new RunFolder(Path.Combine(folder, "maskrcnn-benchmark")).RegularFiles(), f => f.Contains("loop"));
    }

    [Fact]
    public async Task An_iteration_past_Int32_fails_its_row_and_the_table_still_comes()
    {
        // Act
        var rows = await AggregateWith(log =>
        {
            _ = new TestRun(new LogOptions("maskrcnn-benchmark"), Path.GetDirectoryName(log));
            File.WriteAllText(log, File.ReadAllText(log).Replace("iter: 300 ", "iter: 99999999999999999999 "));
            return Task.CompletedTask;
        });

        // Assert
        var row = rows.Single(r => r.Implementation == "maskrcnn-benchmark");
        Assert.Equal(ThroughputResult.Failed, row.Status);
        Assert.Contains("'99999999999999999999' is not an iteration number", row.Reason);
        Assert.Equal(ThroughputResult.Ok, rows.Single(r => r.Implementation == "detectron2").Status);
    }

    [Fact]
    public async Task A_line_of_three_MiB_is_cut_to_one_MiB_and_said()
    {
        // Act: a 3 MiB line without newline in the middle of a good log
        var rows = await AggregateWith(log =>
        {
            _ = new TestRun(new LogOptions("maskrcnn-benchmark"), Path.GetDirectoryName(log));
            var lines = File.ReadAllLines(log).ToList();
            lines.Insert(3, new string('x', 3 << 20));
            File.WriteAllLines(log, lines);
            File.Delete(Path.Combine(Path.GetDirectoryName(log)!, RunFiles.Times));
            return Task.CompletedTask;
        });

        // Assert
        var row = rows.Single(r => r.Implementation == "maskrcnn-benchmark");
        Assert.Equal(ThroughputResult.Ok, row.Status);
        Assert.Contains("1 line(s) longer than 1 MiB were read up to that length", row.Method);
    }

    [Fact]
    public void Lines_longer_than_the_bound_are_cut_and_counted()
    {
        // Arrange
        var file = Path.Combine(folder, "long.log");
        File.WriteAllText(file, "a\n" + new string('y', LogText.MaxLine + 10) + "\nb\n" + new string('z', 2 * LogText.MaxLine));
        var cut = 0;

        // Act
        var lines = LogText.Lines(file, () => cut++).ToList();

        // Assert
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.Number));
        Assert.Equal(["a", "b"], [lines[0].Text, lines[2].Text]);
        Assert.Equal(LogText.MaxLine, lines[1].Text.Length);
        Assert.Equal(LogText.MaxLine, lines[3].Text.Length);
        Assert.Equal(2, cut);
    }

    [Fact]
    public void A_cancelled_read_of_a_huge_log_stops_mid_file()
    {
        // Arrange: 4 MiB of lines, many blocks of the reader
        var file = Path.Combine(folder, "huge.log");
        File.WriteAllLines(file, Enumerable.Range(0, 100_000).Select(i => $"noise line {i} with some text to look like a log"));
        using var cancel = new CancellationTokenSource();
        var read = 0;

        // Act
        var stopped = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in LogText.Lines(file, cancellation: cancel.Token))
                if (++read == 10)
                    cancel.Cancel();
        });

        // Assert
        Assert.Equal(cancel.Token, stopped.CancellationToken);
        Assert.InRange(read, 10, 99_999);
    }

    [Fact]
    public async Task Cancelling_Aggregate_from_ends_the_parse_instead_of_failing_a_row()
    {
        // Arrange
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        _ = new TestRun(new LogOptions("detectron2"), Path.Combine(folder, "detectron2"));

        // Act + Assert
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Aggregator.FromLogs(Two, folder, r => r.ImagesPerIteration(8), cancellation: cancel.Token)
        );
    }
}
