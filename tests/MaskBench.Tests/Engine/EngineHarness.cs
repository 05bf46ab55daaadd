using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>Targets in memory and a stamp folder on disk: the engine without processes.</summary>
sealed class EngineHarness : IDisposable
{
    readonly List<NamedTarget> declared = [];
    readonly List<string> ran = [];
    readonly List<(string Target, string What)> events = [];
    int made;

    public string Folder { get; } = Directory.CreateTempSubdirectory("maskbench-engine-").FullName;

    /// <summary>The targets whose bodies ran, in the order they started.</summary>
    public List<string> Ran
    {
        get
        {
            lock (ran)
                return [.. ran];
        }
    }

    public StampStore Stamps => new(Path.Combine(Folder, "stamps"));

    public EngineHarness Add(string name, Target definition)
    {
        declared.Add(new NamedTarget(name, definition));
        return this;
    }

    /// <summary>A target that records that it ran, optionally writing a file it declares as its output.</summary>
    public EngineHarness Step(
        string name,
        Func<ITargetDefinition, ITargetDefinition>? configure = null,
        string? output = null,
        Action? body = null
    ) =>
        Async(
            name,
            configure,
            output,
            _ =>
            {
                body?.Invoke();
                return Task.CompletedTask;
            }
        );

    /// <summary>A target whose body is asynchronous and sees the build's cancellation token; its start and end
    /// are recorded in <see cref="Events"/>, in the order they happened.</summary>
    public EngineHarness Async(
        string name,
        Func<ITargetDefinition, ITargetDefinition>? configure,
        string? output,
        Func<CancellationToken, Task> body
    ) =>
        Add(
            name,
            _ =>
            {
                var definition = (configure ?? (d => d))(_)
                    .Executes(async token =>
                    {
                        lock (ran)
                            ran.Add(name);
                        Record(name, "start");
                        try
                        {
                            await body(token);
                            if (output is not null)
                                await File.WriteAllTextAsync(
                                    PathOf(output),
                                    $"{name} made this, output {Interlocked.Increment(ref made)}",
                                    CancellationToken.None
                                );
                        }
                        finally
                        {
                            Record(name, "end");
                        }
                    });
                return output is null ? definition : definition.Produces(TargetOutput.File(PathOf(output)));
            }
        );

    void Record(string target, string what)
    {
        lock (events)
            events.Add((target, what));
    }

    /// <summary>Whether the target has started or ended (<paramref name="what"/>) yet.</summary>
    public bool Happened(string target, string what)
    {
        lock (events)
            return events.Contains((target, what));
    }

    /// <summary>Where in the sequence of starts and ends an event happened.</summary>
    public int Moment(string target, string what)
    {
        lock (events)
        {
            var moment = events.IndexOf((target, what));
            return moment >= 0 ? moment : throw new InvalidOperationException($"{target} has no {what}");
        }
    }

    public string PathOf(string file) => Path.Combine(Folder, file);

    public TargetGraph Graph() =>
        new(
            declared
                .Select(t =>
                    ((TargetDefinition)t.Definition(new TargetDefinition(t.Name, _ => throw new InvalidOperationException()))).Freeze()
                )
                .ToList()
        );

    public IReadOnlyList<TargetResult> Run(
        string[] invoked,
        ISet<string>? skipped = null,
        bool force = false,
        int jobs = 1,
        CancellationToken cancellation = default
    ) => RunAsync(invoked, skipped, force, jobs, cancellation).GetAwaiter().GetResult();

    public Task<IReadOnlyList<TargetResult>> RunAsync(
        string[] invoked,
        ISet<string>? skipped = null,
        bool force = false,
        int jobs = 1,
        CancellationToken cancellation = default
    )
    {
        lock (ran)
            ran.Clear();
        lock (events)
            events.Clear();
        var graph = Graph();
        var decider = new Decider(graph, Stamps, skipped ?? new HashSet<string>(), _ => force);
        var executor = new Executor(Stamps, decider, jobs);
        return executor.Run(graph.Schedule(invoked, skipped ?? new HashSet<string>()), cancellation);
    }

    /// <summary>The plan; <see cref="Ran"/> is emptied first, so it shows whether planning ran anything.</summary>
    public Plan Plan(params string[] invoked)
    {
        lock (ran)
            ran.Clear();
        var graph = Graph();
        var decider = new Decider(graph, Stamps, new HashSet<string>(), _ => false);
        return MaskBench.Engine.Plan.Make(invoked, graph.Schedule(invoked, new HashSet<string>()), decider);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
