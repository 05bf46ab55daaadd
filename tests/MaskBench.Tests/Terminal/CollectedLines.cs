using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace MaskBench.Tests.Terminal;

/// <summary>A logger whose lines are kept, rendered, with their level: what a console at that level would show.</summary>
sealed class CollectedLines : ILogEventSink
{
    readonly List<(LogEventLevel Level, string Text)> lines = [];
    readonly List<LogEvent> events = [];

    public ILogger Logger => new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger();

    public IReadOnlyList<(LogEventLevel Level, string Text)> Lines
    {
        get
        {
            lock (lines)
                return [.. lines];
        }
    }

    public IEnumerable<string> At(LogEventLevel level) => Lines.Where(l => l.Level == level).Select(l => l.Text);

    /// <summary>What <c>--verbosity minimal</c> shows of these lines.</summary>
    public IEnumerable<string> Minimal
    {
        get
        {
            lock (lines)
                return
                [
                    .. events.Where(e => MaskBench.Engine.Logging.ConsoleShows(e, LogEventLevel.Warning)).Select(e => e.RenderMessage()),
                ];
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (lines)
        {
            lines.Add((logEvent.Level, logEvent.RenderMessage()));
            events.Add(logEvent);
        }
    }
}
