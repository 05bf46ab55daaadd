using MaskBench.Foundation.Text;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;

namespace MaskBench.Benchmark;

/// <summary>Every problem with the settings that can be seen before a target runs, with the fix.</summary>
internal static class SettingsCheck
{
    /// <summary>The most runs per implementation: more is a typo (a plan of 100,000 runs takes an hour to make).</summary>
    public const int MaxRepeats = 1000;

    /// <param name="sourceOf">Where a parameter's value came from, for the message (<c>--gpus</c>, <c>GPUS</c> …).</param>
    /// <param name="selected">The implementations chosen (<c>--implementations</c>): a <c>--set</c> key must be one of
    /// theirs, and a message about a setting names these.</param>
    public static void Ensure(
        BenchmarkSettings settings,
        IReadOnlyList<Recipe> all,
        IReadOnlyList<Recipe> selected,
        Func<string, string> sourceOf
    )
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
        if (settings.Repeats is < 1 or > MaxRepeats)
            throw new ChainException(
                $"{sourceOf("Repeats")}: give 1 to {MaxRepeats} runs per implementation (each is a full training; 4 to 10 separate most rows)"
            );
        if (settings.SyntheticImages < 1)
            throw new ChainException($"{sourceOf("SyntheticImages")}: the synthetic dataset needs 1 image or more");
        if (settings.Reference is { } reference && !all.Any(r => r.Id == reference))
            throw new ChainException(
                $"{sourceOf("Reference")}: no implementation has that id{MaskBench.Foundation.Text.Suggest.Nearest(reference, all.Select(r => r.Id)).Format()}; known: {string.Join(", ", all.Select(r => r.Id))}"
            );
        foreach (var key in settings.SettingOverrides.Keys.Where(key => !selected.Any(r => r.Settings.ContainsKey(key))))
            throw new ChainException(
                $"{sourceOf("Set")}: no selected recipe ({string.Join(", ", selected.Select(r => r.Id))}) has the setting '{key}'; {Theirs(selected)}"
            );
        foreach (var recipe in all.Where(r => !LogFormats.Known.Contains(r.Log.Format)))
            throw new ChainException(
                $"{recipe.File}: field 'log.format': unknown format '{recipe.Log.Format}'; known: {string.Join(", ", LogFormats.Known)}"
            );
        // Every recipe's images per iteration must read (the table counts them all); the message names the selected ones first
        string? ImagesSetting(Recipe r) => (settings.OnCpu(r)?.Images ?? r.Images).Setting; // the images this run counts
        var badImages = all.Where(r =>
                ImagesSetting(r) is { } setting && !(WholeNumber.TryParse(settings.Settings(r)[setting], out int images) && images > 0)
            )
            .OrderBy(r => selected.Contains(r) ? 0 : 1)
            .ToList();
        if (badImages.FirstOrDefault() is { } first && ImagesSetting(first) is { } named)
        {
            var value = settings.Settings(first)[named];
            var owners = badImages.Where(r => ImagesSetting(r) == named && selected.Contains(r) == selected.Contains(first));
            throw new ChainException(
                $"{sourceOf("Set")}: {named} is {string.Join(", ", owners.Select(r => r.Id))}'s images per iteration, a positive whole number in ASCII digits with no sign or spaces, e.g. {named}=8, not '{value}'"
            );
        }
    }

    static string Theirs(IReadOnlyList<Recipe> selected) =>
        selected.SelectMany(r => r.Settings.Keys).Distinct().Order().ToList() is { Count: > 0 } keys
            ? $"theirs: {string.Join(", ", keys)}"
            : "they have no settings (select an implementation that has it with --implementations)";
}
