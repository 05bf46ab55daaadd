using System.Collections;

namespace MaskBench.Engine;

/// <summary>Sets every <c>[Parameter]</c> of a build in NUKE's order: command line, parameter files, environment, default.</summary>
internal static class ParameterBinder
{
    /// <returns>Where each parameter's value came from, for <c>--help</c>.</returns>
    public static IReadOnlyDictionary<string, string> Bind(
        object build,
        IReadOnlyList<BuildParameter> parameters,
        CommandLine commandLine,
        ParameterFiles files,
        IDictionary environment
    )
    {
        var byOption = parameters.ToDictionary(p => p.Option, StringComparer.Ordinal);
        foreach (var option in commandLine.Options.Keys.Where(o => !CommandLine.EngineOptions.ContainsKey(o) && !byOption.ContainsKey(o)))
        {
            var nearest = Catalog.Suggest.Nearest(option, byOption.Keys.Concat(CommandLine.EngineOptions.Keys));
            var suggestion = new Catalog.Suggest.Suggestions(nearest.Names.Select(n => "--" + n).ToList()).Format();
            throw new BuildException($"unknown parameter --{option}{suggestion}; see ./build.sh --help");
        }
        foreach (var (_, (_, where, name)) in files.Values.Where(v => !byOption.ContainsKey(v.Key)))
            throw new BuildException(
                $"{where}: unknown parameter '{name}'{Catalog.Suggest.Nearest(name, byOption.Keys).Format()}; remove it or fix its name"
            );

        var variables = new Dictionary<string, (string Name, string Value)>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
            variables[Squash((string)entry.Key)] = ((string)entry.Key, (string?)entry.Value ?? "");

        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (commandLine.Options.TryGetValue(parameter.Option, out var values))
            {
                parameter.Set(build, ParameterValues.Convert(parameter, values, "command line"));
                sources[parameter.Name] = "command line";
            }
            else if (files.Values.TryGetValue(parameter.Option, out var fromFile))
            {
                parameter.Set(build, ParameterValues.Convert(parameter, fromFile.Value, fromFile.Where));
                sources[parameter.Name] = fromFile.Where;
            }
            else if (
                variables.TryGetValue(Squash("NUKE_" + parameter.Name), out var variable)
                || variables.TryGetValue(Squash(parameter.Name), out variable)
            )
            {
                parameter.Set(build, ParameterValues.Convert(parameter, [variable.Value], $"environment variable {variable.Name}"));
                sources[parameter.Name] = $"${variable.Name}";
            }
            else
                sources[parameter.Name] = "default";
        }
        return sources;
    }

    static string Squash(string name) => name.Replace("_", "").Replace("-", "").ToUpperInvariant();
}
