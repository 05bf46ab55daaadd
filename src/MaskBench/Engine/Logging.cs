using Serilog;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace MaskBench.Engine;

/// <summary>Serilog to the console and to <c>.nuke/temp/logs/build-&lt;time&gt;.log</c> (the last five are kept).
/// Lines logged inside a target carry its name (the executor pushes it onto the log context), so the lines of
/// targets running at once can be told apart. Both sinks write each event whole under their own lock (the
/// console sink formats into a buffer first), so lines from parallel targets never interleave.</summary>
static class Logging
{
    /// <summary>The console level <c>--verbosity</c> names; an unknown one is refused before anything runs.</summary>
    /// <summary>The property that marks a line as one <c>--verbosity minimal</c> still shows: progress, results and
    /// the summary. Log such lines through <see cref="Essential"/>.</summary>
    public const string EssentialProperty = "Essential";

    /// <summary>A logger whose lines <c>minimal</c> keeps (progress, the result table, the summary).</summary>
    public static ILogger Essential => Log.ForContext(EssentialProperty, true);

    /// <summary>Whether the console shows <paramref name="e"/> at <paramref name="level"/>: at or above the level,
    /// or, for <c>minimal</c> (Warning), an essential line at Information.</summary>
    public static bool ConsoleShows(LogEvent e, LogEventLevel level) =>
        e.Level >= level
        || (level == LogEventLevel.Warning && e.Level == LogEventLevel.Information && e.Properties.ContainsKey(EssentialProperty));

    public static LogEventLevel Level(string verbosity) =>
        verbosity.ToLowerInvariant() switch
        {
            "quiet" => LogEventLevel.Error,
            "minimal" => LogEventLevel.Warning,
            "verbose" => LogEventLevel.Debug,
            "normal" or "" => LogEventLevel.Information,
            _ => throw new BuildException($"unknown --verbosity '{verbosity}': use quiet, minimal, normal or verbose"),
        };

    /// <summary>This run's log file; nothing is written until <see cref="Start"/> (<c>--help</c> and <c>--plan</c> never start it).</summary>
    public static string FileFor(string tempDirectory) =>
        Path.Combine(tempDirectory, "logs", $"build-{DateTime.Now:yyyyMMdd-HHmmss-fff}-{Environment.ProcessId}.log");

    public static void Start(string file, LogEventLevel level)
    {
        var logs = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(logs);
        // The last five are kept; a log written to in the last hour may belong to a run still going.
        foreach (var old in Directory.GetFiles(logs, "build-*.log").Order(StringComparer.Ordinal).SkipLast(4))
            if (File.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-1))
                File.Delete(old);
        var colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.Logger(console =>
                console
                    .Filter.ByIncludingOnly(e => ConsoleShows(e, level))
                    .WriteTo.Console(
                        LogEventLevel.Debug,
                        "{Timestamp:HH:mm:ss} {Level:u3} {TargetPrefix:l}{Message:lj}{NewLine}{Exception}",
                        theme: colour ? AnsiConsoleTheme.Code : ConsoleTheme.None,
                        standardErrorFromLevel: null
                    )
            )
            .WriteTo.File(file, outputTemplate: "{Timestamp:HH:mm:ss.fff} | {Level:u1} | {Target} | {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }
}
