using System.Collections;
using MaskBench.Foundation.Text;

namespace MaskBench.Engine;

/// <summary>Sets every <c>[Parameter]</c> of a build in NUKE's order: command line, parameter files, environment, default.</summary>
internal static class ParameterBinder
{
    /// <param name="baseDirectory">Where relative paths start (the folder the user ran the build from).</param>
    /// <returns>Where each parameter's value came from, by member name.</returns>
    public static IReadOnlyDictionary<string, ParameterSource> Bind(
        object build,
        IReadOnlyList<BuildParameter> parameters,
        CommandLine commandLine,
        ParameterFiles files,
        IDictionary environment,
        string? baseDirectory = null
    )
    {
        var byOption = parameters.ToDictionary(p => p.Option, StringComparer.Ordinal);
        foreach (var option in commandLine.Options.Keys.Where(o => !CommandLine.EngineOptions.ContainsKey(o) && !byOption.ContainsKey(o)))
        {
            var nearest = Suggest.Nearest(option, byOption.Keys.Concat(CommandLine.EngineOptions.Keys));
            var suggestion = new Suggest.Suggestions(nearest.Names.Select(n => "--" + n).ToList()).Format();
            throw new BuildException($"unknown parameter --{option}{suggestion}; see ./build.sh --help");
        }
        foreach (var (_, (_, where, name)) in files.Values.Where(v => !byOption.ContainsKey(v.Key)))
            throw new BuildException(
                $"{where}: unknown parameter '{name}'{Suggest.Nearest(name, byOption.Keys).Format()}; remove it or fix its name"
            );

        var variables = new Dictionary<string, (string Name, string Value)>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
            variables[Squash((string)entry.Key)] = ((string)entry.Key, (string?)entry.Value ?? "");

        var sources = new Dictionary<string, ParameterSource>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            ParameterSource source;
            if (commandLine.Options.TryGetValue(parameter.Option, out var values))
            {
                source = new("command line", string.Join(" ", [$"--{parameter.Option}", .. values.Select(Quoted)]));
                parameter.Set(build, ParameterValues.Convert(parameter, values, source.Label));
            }
            else if (files.Values.TryGetValue(parameter.Option, out var fromFile))
            {
                var value = ParameterValues.Convert(parameter, fromFile.Value, fromFile.Where);
                source = new(
                    fromFile.Where,
                    $"--{parameter.Option} {ParameterValues.Show(value)} (\"{fromFile.Name}\" in {fromFile.Where})"
                );
                parameter.Set(build, value);
            }
            else if (
                variables.TryGetValue(Squash("NUKE_" + parameter.Name), out var variable)
                || variables.TryGetValue(Squash(parameter.Name), out variable)
            )
            {
                source = new($"${variable.Name}", $"{variable.Name}={variable.Value} (environment)");
                parameter.Set(build, ParameterValues.Convert(parameter, [variable.Value], $"environment variable {variable.Name}"));
            }
            else
                source = new("default", $"--{parameter.Option} {ParameterValues.Show(parameter.Get(build))} (default)");
            if (parameter.Folder && source.Label != "default" && parameter.Get(build) is string path)
                CheckFolder(parameter, path, source, baseDirectory ?? Environment.CurrentDirectory);
            sources[parameter.Name] = source;
        }
        return sources;
    }

    static void CheckFolder(BuildParameter parameter, string path, ParameterSource source, string baseDirectory)
    {
        var full = Path.GetFullPath(path, baseDirectory);
        if (File.Exists(full))
            throw new BuildException($"{source.Given}: {full} is a file; --{parameter.Option} names a folder");
    }

    static string Quoted(string value) => value.Length > 0 && !value.Any(char.IsWhiteSpace) ? value : $"'{value}'";

    static string Squash(string name) => name.Replace("_", "").Replace("-", "").ToUpperInvariant();
}
