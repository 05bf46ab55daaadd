namespace MaskBench.Model.Records;

/// <summary>What must be equal for two runs' img/s to be pooled: the window measured, the images per iteration, the
/// stack, the environment around the measured code, the GPU count and the recipe's settings (<c>--set</c> applied).
/// Stored in the run's record and its history record; Compare, Bisect, Track and HistoryReport pool only equal keys.</summary>
/// <param name="Window">The iterations asked for (<c>101..500</c>); the record's result says which the log allowed.</param>
/// <param name="Environment">The environment's software without the measured implementation's own distribution
/// (<c>EnvironmentIdentity.Surrounding</c>), so that two commits of one implementation on one
/// stack compare; <c>none</c> when the run had no environment record.</param>
/// <param name="Gpus">The GPUs the run asked for; 0 on the CPU.</param>
/// <param name="Settings">The recipe's settings as the run used them, <c>key=value</c> sorted by key, space-separated.</param>
internal sealed record Comparability(string Window, int ImagesPerIteration, string Stack, string Environment, int Gpus, string Settings)
{
    public const string NoEnvironment = "none";

    public static string SettingsText(IReadOnlyDictionary<string, string> settings) =>
        string.Join(" ", settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    /// <summary>Whether <paramref name="other"/> was run as this one would be: equal but for the environment, which
    /// Setup decides per commit (Track asks this before it builds anything).</summary>
    public bool SameSetup(Comparability other) => this == other with { Environment = Environment };

    /// <summary>The fields in which <paramref name="other"/> differs from this key, in words (<c>window 4..10</c>).</summary>
    public IReadOnlyList<string> Differences(Comparability other) =>
        [
            .. new (string Name, string Mine, string Theirs)[]
            {
                ("window", Window, other.Window),
                ("images per iteration", $"{ImagesPerIteration}", $"{other.ImagesPerIteration}"),
                ("stack", Stack, other.Stack),
                ("environment", Short(Environment), Short(other.Environment)),
                ("GPUs", $"{Gpus}", $"{other.Gpus}"),
                ("settings", Settings, other.Settings),
            }
                .Where(f => f.Mine != f.Theirs)
                .Select(f => $"{f.Name} {(f.Theirs.Length == 0 ? "(none)" : f.Theirs)}"),
        ];

    public override string ToString() =>
        $"window {Window}, {ImagesPerIteration} img/iteration, {Stack} stack, environment {Short(Environment)}, {Gpus} GPUs, settings {(Settings.Length == 0 ? "(none)" : Settings)}";

    static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
