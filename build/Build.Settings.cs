using System.Globalization;
using MaskBench.Catalog;
using MaskBench.Engine;
using MaskBench.Parsing;

namespace MaskBench.Build;

/// <summary>What fills the recipes' placeholders, and the checks that parameters make sense before anything runs.</summary>
partial class Build
{
    IReadOnlyList<string> TrainCommand(Recipe recipe, string output) =>
        Placeholders.Fill(recipe.Command.Concat(recipe.Stop.Arguments), PlaceholderValues(recipe, output));

    /// <summary>What fills a recipe's <c>{placeholders}</c>: the build's values, then the recipe's settings with <c>--set</c> applied.</summary>
    IReadOnlyDictionary<string, string> PlaceholderValues(Recipe recipe, string output)
    {
        var values = new Dictionary<string, string>
        {
            ["gpus"] = Gpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["output"] = output,
            ["coco"] = Coco is null ? "{coco}" : CocoDirectory,
            ["weights"] = WeightsDirectory,
            ["window_skip"] = WindowSkip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["window_end"] = WindowEnd.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in Settings(recipe))
            values[key] = value;
        return values;
    }

    /// <summary>The recipe's settings with the <c>--set key=value</c> overrides that name them.</summary>
    IReadOnlyDictionary<string, string> Settings(Recipe recipe)
    {
        var settings = new Dictionary<string, string>(recipe.Settings);
        foreach (var (key, value) in SettingOverrides.Where(o => settings.ContainsKey(o.Key)))
            settings[key] = value;
        return settings;
    }

    IReadOnlyDictionary<string, string> SettingOverrides => KeyValues(Set, "--set", "batch=8");

    /// <summary><c>key=value</c> items of a list parameter; a later item overrides an earlier one with the same key.</summary>
    static IReadOnlyDictionary<string, string> KeyValues(IEnumerable<string> items, string option, string example)
    {
        var values = new Dictionary<string, string>();
        foreach (var item in items)
        {
            var parts = item.Split('=', 2);
            if (parts.Length != 2)
                throw new BuildException($"{option} '{item}' is not key=value, e.g. {example}");
            values[parts[0]] = parts[1];
        }
        return values;
    }

    /// <summary>Every parameter problem that can be seen before a target runs, with the fix.</summary>
    void CheckParameters()
    {
        if (WindowSkip < 0 || WindowEnd <= WindowSkip)
            throw new BuildException(
                $"--window-skip {WindowSkip} --window-end {WindowEnd}: the window is iterations skip+1..end, so 0 <= skip < end (the page's: 100 and 500)"
            );
        if (Gpus < 0)
            throw new BuildException($"--gpus {Gpus}: give 0 (the CPU) or more");
        if (TrainTimeout <= TimeSpan.Zero)
            throw new BuildException($"--train-timeout {TrainTimeout}: give a positive duration such as 90m or 2h");
        _ = StackOverrides; // malformed --stack items fail here, before anything runs
        foreach (var key in SettingOverrides.Keys.Where(key => !Catalog.All.Any(r => r.Settings.ContainsKey(key))))
            throw new BuildException(
                $"--set {key}=...: no recipe has the setting '{key}'; known: {string.Join(", ", Catalog.All.SelectMany(r => r.Settings.Keys).Distinct().Order())}"
            );
        foreach (var recipe in Catalog.All)
        {
            if (!LogFormats.Known.Contains(recipe.Log.Format))
                throw new BuildException(
                    $"{recipe.File}: field 'log.format': unknown format '{recipe.Log.Format}'; known: {string.Join(", ", LogFormats.Known)}"
                );
            if (
                recipe.Images.Setting is { } setting
                && (!int.TryParse(Settings(recipe)[setting], CultureInfo.InvariantCulture, out var images) || images <= 0)
            )
                throw new BuildException(
                    $"--set {setting}={Settings(recipe)[setting]}: {recipe.Id}'s images per iteration must be a positive whole number"
                );
        }
    }
}
