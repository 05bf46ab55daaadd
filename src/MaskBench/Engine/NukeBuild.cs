using System.Reflection;

namespace MaskBench.Engine;

/// <summary>
/// The base of a build class, with NUKE's surface: targets are <see cref="Target"/> properties (plus
/// <see cref="DynamicTargets"/>), parameters are <see cref="ParameterAttribute"/> members, and
/// <see cref="Execute{T}"/> is the whole program.
/// </summary>
internal abstract partial class NukeBuild
{
    /// <summary>The folder that holds <c>.nuke/</c>; the current folder while the build runs.</summary>
    public string RootDirectory { get; private set; } = "";

    /// <summary>The folder the user ran the build from: relative paths given as parameters start here.</summary>
    public string InvocationDirectory { get; private set; } = "";

    public string TemporaryDirectory => Path.Combine(RootDirectory, ".nuke", "temp");

    /// <summary>This run's log file (every line, verbose included).</summary>
    protected string LogFile { get; private set; } = "";

    /// <summary>Cancelled on Ctrl-C: long targets stop their work gracefully.</summary>
    protected CancellationToken Cancellation { get; private set; }

    /// <summary>Whether the user skipped this target (<c>--skip NAME</c>); known once targets run.</summary>
    protected bool IsSkipped(string target) => skippedTargets.Contains(target);

    IReadOnlySet<string> skippedTargets = new HashSet<string>();

    /// <summary>Every target of this run's schedule, up to date or not (<c>--skip</c>ped ones included); known once targets run.</summary>
    protected IReadOnlyList<string> Scheduled { get; private set; } = [];

    IReadOnlyDictionary<string, ParameterSource> parameterSources = new Dictionary<string, ParameterSource>();

    /// <summary>How the user gave a parameter's value, to name it in the build's own checks:
    /// <c>--window-skip -3</c>, <c>WINDOW_SKIP=-3 (environment)</c>, <c>"WindowSkip": -3 (.nuke/parameters.json:4)</c>
    /// or <c>--window-skip 100 (default)</c>. Pass the member's name: <c>SourceOf(nameof(WindowSkip))</c>.</summary>
    protected string SourceOf(string parameterName) =>
        parameterSources.TryGetValue(parameterName, out var source)
            ? source.Given
            : throw new ArgumentException($"'{parameterName}' is not a [Parameter] of {GetType().Name}", nameof(parameterName));

    protected virtual string Title => GetType().Name;

    protected virtual string HelpNotes => "";

    /// <summary>Targets whose names are known only at run time; they come after the property targets.</summary>
    protected virtual IEnumerable<NamedTarget> DynamicTargets() => [];

    protected virtual string StampDirectory => Path.Combine(TemporaryDirectory, "stamps");

    /// <summary>Called once parameters are bound, before targets are created.</summary>
    protected virtual void OnBuildInitialized() { }

    /// <summary>What <c>--plan</c> adds after the plan for the targets that would run (where they run, what they submit).</summary>
    protected virtual string PlanNotes(IReadOnlyList<string> targetsToRun) => "";

    /// <summary>Called with the targets that will run, before the first one starts: fail fast here.</summary>
    protected virtual Task BeforeRunning(IReadOnlyList<string> targetsToRun) => Task.CompletedTask;

    /// <summary>What would stop these targets before they start (the run's own preflight, asked without running it):
    /// <c>--plan</c> lists it, so that the plan never promises what the run refuses.</summary>
    protected virtual Task<IReadOnlyList<string>> PlanProblems(IReadOnlyList<string> targetsToRun) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Files the build generates from its own declaration (schema, CI workflow): path and content.
    /// Only the <c>Generate</c> target writes them.</summary>
    protected virtual IEnumerable<(string Path, string Content)> GeneratedFiles(
        TargetGraph graph,
        IReadOnlyList<BuildParameter> parameters
    ) => [(Path.Combine(RootDirectory, ".nuke", "build.schema.json"), SchemaGenerator.Generate(parameters))];

    public static int Execute<T>(string[] args, Func<T, Target> defaultTarget)
        where T : NukeBuild, new() => new T().Run(args, build => defaultTarget((T)build));

    internal TargetGraph CreateGraph()
    {
        var properties = GetType()
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.PropertyType == typeof(Target))
            .OrderBy(p => p.MetadataToken)
            .Select(p => new NamedTarget(p.Name, (Target)p.GetValue(this)!))
            .ToList();
        var named = DynamicTargets().Concat(properties).Append(new NamedTarget(Generation.TargetName, GenerateTarget)).ToList();
        var names = properties.ToDictionary(t => t.Definition.Method, t => t.Name);
        string NameOf(Target target) =>
            names.TryGetValue(target.Method, out var name)
                ? name
                : throw new BuildException("DependsOn(Target) only takes target properties; name generated targets by their string names");
        return new TargetGraph(named.Select(t => ((TargetDefinition)t.Definition(new TargetDefinition(t.Name, NameOf))).Freeze()).ToList());
    }

    TargetGraph? graph;
    IReadOnlyList<BuildParameter> parameters = [];
    bool checkOnly;

    ITargetDefinition GenerateTarget(ITargetDefinition target) =>
        target
            .Description(Generation.Description)
            .Executes(() =>
                Generation.Apply(GeneratedFiles(graph ?? throw new InvalidOperationException("no graph yet"), parameters), checkOnly)
            );

    internal string NameOf(TargetGraph graph, Target target) =>
        graph
            .Targets.FirstOrDefault(t =>
                GetType().GetProperty(t.Name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(this)
                    is Target d
                && d.Method == target.Method
            )
            ?.Name
        ?? throw new BuildException("the default target must be a target property");

    internal static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return directory.FullName;
        throw new BuildException($"no .nuke folder in {start} or above: run the build inside a MaskBench checkout, or pass --root");
    }
}
