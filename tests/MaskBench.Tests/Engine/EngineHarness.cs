using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>Targets in memory and a stamp folder on disk: the engine without processes.</summary>
sealed class EngineHarness : IDisposable
{
    readonly List<NamedTarget> declared = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("maskbench-engine-").FullName;

    public List<string> Ran { get; } = [];

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
        Add(
            name,
            _ =>
            {
                var definition = (configure ?? (d => d))(_)
                    .Executes(() =>
                    {
                        Ran.Add(name);
                        body?.Invoke();
                        if (output is not null)
                            File.WriteAllText(PathOf(output), $"{name} made this at {Ran.Count}");
                    });
                return output is null ? definition : definition.Produces(TargetOutput.File(PathOf(output)));
            }
        );

    public string PathOf(string file) => Path.Combine(Folder, file);

    public TargetGraph Graph() =>
        new(
            declared
                .Select(t =>
                    ((TargetDefinition)t.Definition(new TargetDefinition(t.Name, _ => throw new InvalidOperationException()))).Freeze()
                )
                .ToList()
        );

    public IReadOnlyList<TargetResult> Run(string[] invoked, ISet<string>? skipped = null, bool force = false)
    {
        Ran.Clear();
        var graph = Graph();
        var decider = new Decider(graph, Stamps, skipped ?? new HashSet<string>(), _ => force);
        var executor = new Executor(Stamps, decider);
        return executor.Run(graph.Schedule(invoked, skipped ?? new HashSet<string>()), CancellationToken.None).GetAwaiter().GetResult();
    }

    public Plan Plan(params string[] invoked)
    {
        var graph = Graph();
        var decider = new Decider(graph, Stamps, new HashSet<string>(), _ => false);
        return MaskBench.Engine.Plan.Make(invoked, graph.Schedule(invoked, new HashSet<string>()), decider);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
