using System.Globalization;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;

namespace MaskBench.Benchmark;

/// <summary>Every problem with the settings that can be seen before a target runs, with the fix.</summary>
internal static class SettingsCheck
{
    /// <param name="sourceOf">Where a parameter's value came from, for the message (<c>--gpus</c>, <c>GPUS</c> …).</param>
    public static void Ensure(BenchmarkSettings settings, IReadOnlyList<Recipe> all, Func<string, string> sourceOf)
    {
        var window = settings.Window;
        if (window.Skip < 0 || window.End <= window.Skip)
            throw new ChainException(
                $"{sourceOf("WindowSkip")} and {sourceOf("WindowEnd")}: the window is iterations skip+1..end, so 0 <= skip < end (the page's: 100 and 500)"
            );
        if (settings.Gpus < 0)
            throw new ChainException($"{sourceOf("Gpus")}: give 0 (the CPU) or more");
        if (settings.TrainTimeout <= TimeSpan.Zero)
            throw new ChainException($"{sourceOf("TrainTimeout")}: give a positive duration such as 90m or 2h");
        if (!StackSelection.Names.Contains(settings.StackName))
            throw new ChainException($"{sourceOf("Stacks")}: give {string.Join(" or ", StackSelection.Names)}");
        if (settings.Repeats < 1)
            throw new ChainException($"{sourceOf("Repeats")}: give 1 run or more per implementation");
        if (settings.SyntheticImages < 1)
            throw new ChainException($"{sourceOf("SyntheticImages")}: the synthetic dataset needs 1 image or more");
        if (settings.Reference is { } reference && !all.Any(r => r.Id == reference))
            throw new ChainException(
                $"{sourceOf("Reference")}: no implementation has that id{MaskBench.Foundation.Text.Suggest.Nearest(reference, all.Select(r => r.Id)).Format()}; known: {string.Join(", ", all.Select(r => r.Id))}"
            );
        foreach (var key in settings.SettingOverrides.Keys.Where(key => !all.Any(r => r.Settings.ContainsKey(key))))
            throw new ChainException(
                $"{sourceOf("Set")} {key}=...: no recipe has the setting '{key}'; known: {string.Join(", ", all.SelectMany(r => r.Settings.Keys).Distinct().Order())}"
            );
        foreach (var recipe in all)
        {
            if (!LogFormats.Known.Contains(recipe.Log.Format))
                throw new ChainException(
                    $"{recipe.File}: field 'log.format': unknown format '{recipe.Log.Format}'; known: {string.Join(", ", LogFormats.Known)}"
                );
            if (
                recipe.Images.Setting is { } setting
                && (!int.TryParse(settings.Settings(recipe)[setting], CultureInfo.InvariantCulture, out var images) || images <= 0)
            )
                throw new ChainException(
                    $"{sourceOf("Set")} {setting}={settings.Settings(recipe)[setting]}: {recipe.Id}'s images per iteration must be a positive whole number"
                );
        }
    }
}
