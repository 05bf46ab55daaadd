using MaskBench.Model.Catalog;
using MaskBench.Tools.Git;

namespace MaskBench.Stages;

/// <summary><c>--pin &lt;commit&gt;</c> (or <c>--set pin=&lt;commit&gt;</c>): one implementation's chain at another commit
/// than its recipe's pin. Clone fetches and stamps it, and the run's manifest and history record carry it.</summary>
/// <param name="Commit">4 to 40 hexadecimal digits, as given; Clone resolves it to the full hash.</param>
internal sealed record PinnedCommit(string Implementation, string Commit)
{
    /// <summary>The setting name that <c>--set</c> accepts for the pin.</summary>
    public const string SettingName = "pin";

    /// <summary>The recipe's source at this commit when the pin is for this recipe; otherwise the recipe's own.</summary>
    public SourceSpec Source(Recipe recipe) => recipe.Id == Implementation ? recipe.Source with { Pin = Commit } : recipe.Source;

    /// <summary>The pin asked for by <paramref name="pin"/> or by <c>pin=</c> in <paramref name="set"/>, checked; null when none.</summary>
    /// <param name="implementations">The ids given with <c>--implementations</c>: a pin names exactly one.</param>
    public static PinnedCommit? From(string? pin, IReadOnlyDictionary<string, string> set, IReadOnlyList<string> implementations)
    {
        if (set.TryGetValue(SettingName, out var setPin))
        {
            if (pin is not null && pin != setPin)
                throw new ChainException($"--pin {pin} and --set pin={setPin} disagree: give the commit once");
            pin = setPin;
        }
        if (pin is null)
            return null;
        if (CommitPin.Invalid(pin) is { } invalid)
            throw new ChainException($"--pin: {invalid}");
        if (implementations.Count != 1)
            throw new ChainException(
                implementations.Count == 0
                    ? $"--pin {pin} pins one implementation: name it with --implementations <id>"
                    : $"--pin {pin} pins one implementation, but --implementations names {implementations.Count} ({string.Join(", ", implementations)}): name one"
            );
        return new PinnedCommit(implementations[0], pin);
    }

    /// <summary>The <c>--set</c> overrides without the pin, which is no recipe setting.</summary>
    public static IReadOnlyDictionary<string, string> WithoutPin(IReadOnlyDictionary<string, string> set) =>
        set.Where(s => s.Key != SettingName).ToDictionary(s => s.Key, s => s.Value);
}
