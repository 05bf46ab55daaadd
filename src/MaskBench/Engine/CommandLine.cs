using MaskBench.Foundation.Text;

namespace MaskBench.Engine;

/// <summary>The command line split into target names and <c>--options</c> with their values.</summary>
internal sealed record CommandLine(IReadOnlyList<string> Targets, IReadOnlyDictionary<string, IReadOnlyList<string>> Options)
{
    /// <summary>The engine's own options; every other <c>--name</c> must be a build parameter.</summary>
    public static readonly IReadOnlyDictionary<string, string> EngineOptions = new Dictionary<string, string>
    {
        ["help"] = "Show targets and parameters",
        ["plan"] = "Show what would run and why, then stop; with --json, as JSON",
        ["json"] = "With --plan: print the plan as JSON",
        ["skip"] = "Skip the named targets; with no names, skip every dependency that was not invoked",
        ["force"] = "Rerun up-to-date targets: the named ones, or all with no names",
        ["target"] = "The targets to run (or name them first on the command line)",
        ["profile"] = "Also read .nuke/parameters.<name>.json, in the order given",
        ["root"] = "The MaskBench root folder (default: found from the current folder)",
        ["verbosity"] = "quiet, minimal, normal or verbose (default: normal)",
        ["jobs"] = "How many targets may run at once (default: the number of CPUs; 1 runs them one after another)",
        ["check"] = "With Generate: write nothing, and fail when a generated file differs from the build's declaration",
    };

    static readonly HashSet<string> Flags = ["help", "plan", "json", "check"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = Normalize(arg[2..]);
                var equals = name.IndexOf('=');
                var value = equals >= 0 ? name[(equals + 1)..] : null;
                if (equals >= 0)
                    name = name[..equals];
                if (!options.TryGetValue(name, out current))
                    options[name] = current = [];
                if (value is not null)
                    current.Add(arg[(arg.IndexOf('=') + 1)..]);
                if (Flags.Contains(name))
                    current = null; // a flag takes no values: what follows is a target
            }
            else if (arg.StartsWith('-') && arg.Length == 2 && arg[1] is 'h' or '?')
                options["help"] = current = [];
            else if (current is not null)
                current.Add(arg);
            else
                targets.Add(arg);
        }
        if (options.TryGetValue("target", out var named))
            targets.AddRange(named);
        return new(targets, options.ToDictionary(o => o.Key, o => (IReadOnlyList<string>)o.Value, StringComparer.Ordinal));
    }

    public bool Has(string option) => Options.ContainsKey(option);

    public IReadOnlyList<string> Values(string option) => Options.TryGetValue(option, out var values) ? values : [];

    /// <summary><c>--Train_Timeout</c>, <c>--train-timeout</c> and <c>--trainTimeout</c> are the same option.</summary>
    public static string Normalize(string name) =>
        name.Contains('=') ? Normalize(name[..name.IndexOf('=')]) + name[name.IndexOf('=')..] : Naming.KebabCase(name.Replace('_', '-'));
}
