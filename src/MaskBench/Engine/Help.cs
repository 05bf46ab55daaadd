using System.Text;

namespace MaskBench.Engine;

/// <summary><c>--help</c>: the targets with their descriptions and dependencies, the parameters with their
/// descriptions, current values and where those came from, and the engine's options.</summary>
static class Help
{
    public static string Render(
        string title,
        TargetGraph graph,
        string defaultTarget,
        IReadOnlyList<BuildParameter> parameters,
        object build,
        IReadOnlyDictionary<string, ParameterSource> sources,
        string notes
    )
    {
        var text = new StringBuilder();
        text.AppendLine(title)
            .AppendLine()
            .AppendLine($"Usage: {Program} [targets] [--parameters] [--plan] [--skip [targets]] [--force [targets]] [--jobs N]")
            .AppendLine();
        text.AppendLine("Targets (default marked *):");
        var listed = graph.Targets.Where(t => t.Listed).ToList();
        var width = listed.Select(t => t.Name.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var target in listed)
        {
            var depends = target.DependsOn.Count == 0 ? "" : $" (after {Compact(target.DependsOn)})";
            text.AppendLine($"  {(target.Name == defaultTarget ? "*" : " ")}{target.Name.PadRight(width)}{target.Description}{depends}");
        }
        if (notes.Length > 0)
            text.AppendLine().AppendLine(notes.TrimEnd());
        text.AppendLine().AppendLine("Parameters (command line, then .nuke/parameters*.json, then environment variables):");
        var optionWidth = parameters.Select(p => p.Option.Length).Concat(CommandLine.EngineOptions.Keys.Select(k => k.Length)).Max() + 4;
        foreach (var parameter in parameters)
        {
            var source = sources.TryGetValue(parameter.Name, out var given) ? given.Label : "default";
            text.AppendLine($"  --{parameter.Option.PadRight(optionWidth)}{parameter.Description}");
            text.AppendLine($"    {"".PadRight(optionWidth)}now: {ParameterValues.Show(parameter.Get(build))} ({source})");
        }
        text.AppendLine().AppendLine("Options:");
        foreach (var (option, description) in CommandLine.EngineOptions)
            text.AppendLine($"  --{option.PadRight(optionWidth)}{description}");
        text.AppendLine().AppendLine("Exit codes:");
        foreach (var (code, meaning) in ExitCodes.All)
            text.AppendLine($"  {code}  {meaning}");
        return text.ToString();
    }

    /// <summary>Long lists of generated targets are shown by their first and count.</summary>
    static string Compact(IReadOnlyList<string> names) =>
        names.Count <= 3 ? string.Join(", ", names) : $"{names[0]}, {names[1]} and {names.Count - 2} more";

    /// <summary>How the user started this build: <c>./build.sh</c>, or the single-file binary by its name.</summary>
    static string Program =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) is { } name and not ("dotnet" or "_build" or "testhost")
            ? name
            : "./build.sh";
}
