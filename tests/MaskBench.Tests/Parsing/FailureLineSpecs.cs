using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Model.Records;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace MaskBench.Tests.Parsing;

/// <summary>What Parse logs about a failure: the line where the log shows it, and no line part for a failure of the
/// log as a whole.</summary>
public class FailureLineSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    /// <summary>The lines as the console shows them (strings literal, <c>{Message:lj}</c>).</summary>
    sealed class Lines : ILogEventSink
    {
        readonly MessageTemplateTextFormatter console = new("{Message:lj}");

        public List<string> Rendered { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            using var text = new StringWriter();
            console.Format(logEvent, text);
            Rendered.Add(text.ToString());
        }
    }

    static List<string> ParseLogged(LogOptions options)
    {
        using var run = new TestRun(options);
        var lines = new Lines();
        using var log = new LoggerConfiguration().WriteTo.Sink(lines).CreateLogger();
        RunParser.Parse(Catalog.Get("detectron2"), run.Folder, 16, Window.Page, log);
        return lines.Rendered;
    }

    [Fact]
    public void A_user_reads_a_failure_of_the_whole_log_without_a_null_line_number()
    {
        // Act: the log ends before the window, a failure that has no line of its own
        var logged = ParseLogged(new LogOptions("detectron2") with { Iterations = 250 });

        // Assert
        var line = Assert.Single(logged, l => l.Contains("window-not-covered"));
        Assert.StartsWith("detectron2: window-not-covered: log ends at iteration 250", line);
        Assert.DoesNotContain("line null", line);
        Assert.DoesNotContain("line :", line);
    }

    [Fact]
    public void A_user_reads_the_line_of_a_failure_that_has_one()
    {
        // Act
        var logged = ParseLogged(new LogOptions("detectron2") with { OomAt = 320 });

        // Assert
        Assert.Contains(logged, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^detectron2: line \d+: oom: "));
    }
}
