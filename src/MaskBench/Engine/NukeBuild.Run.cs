using System.Diagnostics;
using System.Runtime.InteropServices;
using MaskBench.Foundation.Text;
using Serilog;

namespace MaskBench.Engine;

internal abstract partial class NukeBuild
{
    const int Failed = ExitCodes.Failed;
    const int BadInvocation = ExitCodes.BadInvocation;
    const int WorkFolderBusy = ExitCodes.WorkFolderBusy;

    int Run(string[] args, Func<NukeBuild, Target> defaultTarget)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var commandLine = CommandLine.Parse(args);
            InvocationDirectory = Environment.CurrentDirectory;
            RootDirectory = commandLine.Has("root") ? GivenRoot(commandLine.Values("root")) : FindRootFromHere();
            Environment.CurrentDirectory = RootDirectory;
            var files = ParameterFiles.Load(
                Path.Combine(RootDirectory, ".nuke"),
                commandLine.Values("profile").SelectMany(p => p.Split(',')).ToList()
            );
            parameters = BuildParameter.Of(GetType());
            parameterSources = ParameterBinder.Bind(
                this,
                parameters,
                commandLine,
                files,
                Environment.GetEnvironmentVariables(),
                InvocationDirectory
            );
            var jobs = Jobs(commandLine);
            checkOnly = commandLine.Has("check");
            var level = Logging.Level(commandLine.Values("verbosity").FirstOrDefault() ?? "");
            var logFile = LogFile = Logging.FileFor(TemporaryDirectory);
            OnBuildInitialized();
            var graph = this.graph = CreateGraph();
            var fallback = NameOf(graph, defaultTarget(this));
            if (commandLine.Has("help"))
            {
                Console.Write(Help.Render(Title, graph, fallback, parameters, this, parameterSources, HelpNotes));
                return 0;
            }
            var invoked = Invoked(commandLine, graph, fallback);
            var skipped = Skipped(commandLine, graph, invoked);
            skippedTargets = skipped;
            var force = Named(commandLine, "force", graph);
            ForceAndSkip.Check(force, skipped, commandLine.Values("skip").Count > 0);
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
                List<string> toRun = [.. plan.Decisions.Where(d => d.Verdict == Verdict.Run).Select(d => d.Target)];
#pragma warning disable RS0030 // the entry point is synchronous
                plan = plan with { Preflight = PlanProblems(toRun).GetAwaiter().GetResult() };
#pragma warning restore RS0030
                Console.Write(commandLine.Has("json") ? plan.ToJson() : plan.ToText());
                if (!commandLine.Has("json"))
                    Console.Write(PlanNotes(toRun));
                return 0;
            }
            Logging.Start(logFile, level);
            using var cancel = new CancellationTokenSource();
            // Ctrl-C, a cancelled CI job (SIGTERM) or a closed terminal (SIGHUP): stop the running targets'
            // processes gracefully, print the summary, exit non-zero. Nothing may keep training on the GPUs.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
            using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
            void Cancel(PosixSignalContext signal)
            {
                signal.Cancel = true;
                Log.Warning("{Signal}: cancelling; the running targets stop, then the summary", signal.Signal);
                cancel.Cancel();
            }
            Cancellation = cancel.Token;
            using var workLock = schedule.Any(t => t.IsTracked) ? WorkLock.Acquire(Path.Combine(StampDirectory, ".lock")) : null;
            // The build's entry point is synchronous (Main returns the exit code): the one place it blocks on the run.
            Scheduled = [.. schedule.Select(t => t.Name)];
#pragma warning disable RS0030
            BeforeRunning(
                    Plan.Make(invoked, schedule, decider).Decisions.Where(d => d.Verdict == Verdict.Run).Select(d => d.Target).ToList()
                )
                .GetAwaiter()
                .GetResult();
            var executor = new Executor(stamps, decider, jobs);
            var results = executor.Run(schedule, cancel.Token).GetAwaiter().GetResult();
#pragma warning restore RS0030
            var summary = Summary.Render(results, clock.Elapsed);
            Logging.Essential.Information("Summary\n{Summary}Log: {LogFile}", summary, Path.GetRelativePath(RootDirectory, logFile));
            return results.Where(r => r.Status == TargetStatus.Failed).Select(r => r.ExitCode).FirstOrDefault(c => c is not null)
                ?? (results.Any(r => r.Status == TargetStatus.Failed) || cancel.IsCancellationRequested ? Failed : 0);
        }
        catch (WorkFolderBusyException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return WorkFolderBusy;
        }
        catch (MaskBenchException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return BadInvocation;
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            // A signal while the build prepares (preflight waits on nvidia-smi, the engine): no target ran yet.
            Console.Error.WriteLine("error: cancelled (Ctrl-C, SIGTERM or SIGHUP) before the targets ran");
            return Failed;
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

    /// <summary>The targets an option names (<c>--skip</c>, <c>--force</c>), each checked to be a target.</summary>
    static IReadOnlyList<string> Named(CommandLine commandLine, string option, TargetGraph graph)
    {
        var named = commandLine.Values(option);
        foreach (var name in named.Where(n => !graph.Contains(n)))
            throw new BuildException(
                $"--{option} names an unknown target '{name}'{Suggest.Nearest(name, graph.Targets.Select(t => t.Name)).Format()}"
            );
        return named;
    }

    /// <summary><c>--jobs N</c>: how many targets may run at once; the number of CPUs when not given.</summary>
    static int Jobs(CommandLine commandLine)
    {
        if (!commandLine.Has("jobs"))
            return Environment.ProcessorCount;
        var values = commandLine.Values("jobs");
        return values.Count == 1 && int.TryParse(values[0], out var jobs) && jobs >= 1
            ? jobs
            : throw new BuildException(
                $"--jobs {string.Join(" ", values)}: give a whole number of 1 or more (1 runs the targets one after another)"
            );
    }

    static string GivenRoot(IReadOnlyList<string> values) =>
        values.Count != 1 ? throw new BuildException("--root takes one folder: the MaskBench checkout (the folder with .nuke/)")
        : Directory.Exists(values[0]) ? Path.GetFullPath(values[0])
        : throw new BuildException($"--root {values[0]}: there is no such folder; give the MaskBench checkout (the folder with .nuke/)");

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
                $"unknown target '{name}'{Suggest.Nearest(name, graph.Targets.Select(t => t.Name)).Format()}; ./build.sh --help lists them"
            );
        return invoked.Distinct().ToList();
    }

    /// <summary><c>--skip</c> alone skips every dependency that was not invoked; <c>--skip A B</c> skips those.</summary>
    static HashSet<string> Skipped(CommandLine commandLine, TargetGraph graph, IReadOnlyList<string> invoked)
    {
        if (!commandLine.Has("skip"))
            return [];
        var named = Named(commandLine, "skip", graph);
        return named.Count > 0
            ? named.ToHashSet(StringComparer.Ordinal)
            : graph.Targets.Select(t => t.Name).Except(invoked).ToHashSet(StringComparer.Ordinal);
    }
}
