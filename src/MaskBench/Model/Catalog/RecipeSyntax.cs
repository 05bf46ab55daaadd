namespace MaskBench.Model.Catalog;

/// <summary>The shapes of a recipe's ids, pins, tree hashes, mirrors and CUDA architectures. Plain character checks,
/// not <c>Regex</c>: the recipes are read on every start-up (<c>--help</c>, <c>--plan</c>), and five generated regexes
/// cost about 10 ms of it.</summary>
static class RecipeSyntax
{
    /// <summary><c>^[a-z0-9]+(-[a-z0-9]+)*$</c>: lower-case words joined by single hyphens.</summary>
    public static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id[0] != '-' && id[^1] != '-' && !id.Contains("--") && id.All(c => IsLowerAlphanumeric(c) || c == '-');

    /// <summary><c>^[0-9a-f]{7,40}$</c>: a commit, full or abbreviated.</summary>
    public static bool IsPin(string? pin) => pin is { Length: >= 7 and <= 40 } && pin.All(IsLowerHex);

    /// <summary><c>^[0-9a-f]{40}$</c>: a full git object name.</summary>
    public static bool IsTree(string? tree) => tree is { Length: 40 } && tree.All(IsLowerHex);

    /// <summary><c>^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$</c>: <c>owner/name</c>.</summary>
    public static bool IsMirror(string? mirror) =>
        mirror?.Split('/') is [{ Length: > 0 } owner, { Length: > 0 } name] && owner.All(IsNamePart) && name.All(IsNamePart);

    /// <summary><c>^sm_[0-9]{2,3}$</c>: a CUDA architecture such as <c>sm_70</c>.</summary>
    public static bool IsArchitecture(string? architecture) =>
        architecture is { Length: 5 or 6 }
        && architecture.StartsWith("sm_", StringComparison.Ordinal)
        && architecture[3..].All(char.IsAsciiDigit);

    static bool IsLowerAlphanumeric(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);

    static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}
