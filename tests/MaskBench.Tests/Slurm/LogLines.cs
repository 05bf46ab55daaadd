using System.Collections.Concurrent;
using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace MaskBench.Tests.Slurm;

/// <summary>The lines MaskBench logs while it lives (the global logger, also fed on): for specs that assert on what a
/// user reads. The specs that use it run in <see cref="GlobalLogCollection"/>, never beside another class.</summary>
sealed class LogLines : IDisposable
{
    sealed class Sink(ConcurrentQueue<string> lines) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => lines.Enqueue(logEvent.RenderMessage(CultureInfo.InvariantCulture));
    }

    readonly ILogger previous = Log.Logger;
    readonly ConcurrentQueue<string> lines = new();
    readonly Logger logger;

    public LogLines()
    {
        logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new Sink(lines)).CreateLogger();
        Log.Logger = logger;
    }

    public IReadOnlyList<string> All => [.. lines];

    public void Dispose()
    {
        Log.Logger = previous;
        logger.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalLogCollection
{
    public const string Name = "global log";
}
