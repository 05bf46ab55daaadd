using System.Diagnostics;
using System.Runtime.InteropServices;
using MaskBench.Files;
using Serilog;

namespace MaskBench.Engine;

public abstract partial class NukeBuild
{
    const int Failed = 1;
    const int BadInvocation = 2;

    int Run(string[] args, Func<NukeBuild, Target> defaultTarget)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var commandLine = CommandLine.Parse(args);
            InvocationDirectory = Environment.CurrentDirectory;
            RootDirectory = commandLine.Has("root") ? Path.GetFullPath(commandLine.Values("root").Single()) : FindRootFromHere();
            Environment.CurrentDirectory = RootDirectory;
            var files = ParameterFiles.Load(
                Path.Combine(RootDirectory, ".nuke"),
                commandLine.Values("profile").SelectMany(p => p.Split(',')).ToList()
            );
            var parameters = BuildParameter.Of(GetType());
            var sources = ParameterBinder.Bind(this, parameters, commandLine, files, Environment.GetEnvironmentVariables());
            var logFile = LogFile = Logging.Configure(TemporaryDirectory, commandLine.Values("verbosity").FirstOrDefault() ?? "");
            OnBuildInitialized();
            var graph = CreateGraph();
            foreach (var (path, content) in GeneratedFiles(graph, parameters))
                if (AtomicFile.WriteIfChanged(path, content))
                    Log.Information("Wrote {File}", Path.GetRelativePath(RootDirectory, path));
            var fallback = NameOf(graph, defaultTarget(this));
            if (commandLine.Has("help"))
            {
                Console.Write(Help.Render(Title, graph, fallback, parameters, this, sources, HelpNotes));
                return 0;
            }
            var invoked = Invoked(commandLine, graph, fallback);
            var skipped = Skipped(commandLine, graph, invoked);
            var force = commandLine.Values("force");
            var stamps = new StampStore(StampDirectory);
            var decider = new Decider(
                graph,
                stamps,
                skipped,
                name => commandLine.Has("force") && (force.Count == 0 || force.Contains(name))
            );
            var schedule = graph.Schedule(invoked, skipped);
            if (commandLine.Has("plan"))
            {
                var plan = Plan.Make(invoked, schedule, decider);
                Console.Write(commandLine.Has("json") ? plan.ToJson() : plan.ToText());
                return 0;
            }
            using var cancel = new CancellationTokenSource();
            // Ctrl-C, a cancelled CI job (SIGTERM) or a closed terminal (SIGHUP): stop the running target's
            // processes gracefully, print the summary, exit non-zero. Nothing may keep training on the GPUs.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
            void Cancel(PosixSignalContext signal)
            {
                signal.Cancel = true;
                Log.Warning("{Signal}: cancelling; the running target stops, then the summary", signal.Signal);
                cancel.Cancel();
            }
            Cancellation = cancel.Token;
            using var workLock = schedule.Any(t => t.IsTracked) ? WorkLock.Acquire(Path.Combine(StampDirectory, ".lock")) : null;
            BeforeRunning(
                    Plan.Make(invoked, schedule, decider).Decisions.Where(d => d.Verdict == Verdict.Run).Select(d => d.Target).ToList()
                )
                .GetAwaiter()
                .GetResult();
            var executor = new Executor(stamps, decider);
            executor.TargetFailed += (target, e) => OnTargetFailed(target.Name, e);
            executor.TargetSucceeded += (target, _) => OnTargetSucceeded(target.Name);
            var results = executor.Run(schedule, cancel.Token).GetAwaiter().GetResult();
            var summary = Summary.Render(results, clock.Elapsed);
            Log.Information("Summary\n{Summary}Log: {LogFile}", summary, Path.GetRelativePath(RootDirectory, logFile));
            return results.Any(r => r.Status == TargetStatus.Failed) || cancel.IsCancellationRequested ? Failed : 0;
        }
        catch (Exception e) when (e is BuildException or Catalog.CatalogException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInvocation;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failed;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(
                $"error: {e.GetType().Name}: {e.Message} (a bug in MaskBench; the stack trace follows)\n{e.StackTrace}"
            );
            return Failed;
        }
        finally
        {
            Log.CloseAndFlush();
        }
    }

    static string FindRootFromHere()
    {
        try
        {
            return FindRoot(Environment.CurrentDirectory);
        }
        catch (BuildException)
        {
            return FindRoot(AppContext.BaseDirectory);
        }
    }

    static IReadOnlyList<string> Invoked(CommandLine commandLine, TargetGraph graph, string fallback)
    {
        var invoked = commandLine.Targets.Count == 0 ? [fallback] : commandLine.Targets;
        foreach (var name in invoked.Where(n => !graph.Contains(n)))
            throw new BuildException(
                $"unknown target '{name}'{Catalog.Suggest.Nearest(name, graph.Targets.Select(t => t.Name)).Format()}; ./build.sh --help lists them"
            );
        return invoked.Distinct().ToList();
    }

    /// <summary><c>--skip</c> alone skips every dependency that was not invoked; <c>--skip A B</c> skips those.</summary>
    static HashSet<string> Skipped(CommandLine commandLine, TargetGraph graph, IReadOnlyList<string> invoked)
    {
        if (!commandLine.Has("skip"))
            return [];
        var named = commandLine.Values("skip");
        foreach (var name in named.Where(n => !graph.Contains(n)))
            throw new BuildException(
                $"--skip names an unknown target '{name}'{Catalog.Suggest.Nearest(name, graph.Targets.Select(t => t.Name)).Format()}"
            );
        return named.Count > 0
            ? named.ToHashSet(StringComparer.Ordinal)
            : graph.Targets.Select(t => t.Name).Except(invoked).ToHashSet(StringComparer.Ordinal);
    }
}
