namespace MaskBench.Stages.Setup.Check;

/// <summary>One external thing a recipe needs, as Check resolves it.</summary>
/// <param name="Implementation">The recipe's id.</param>
/// <param name="Kind"><c>git</c>, <c>image</c>, <c>pip</c>, <c>url</c>, <c>apt</c> or <c>stack</c>.</param>
/// <param name="Name">What is referenced: a repository, an image, a package, an address.</param>
/// <param name="Pin">The commit, digest or version it is pinned to; null when it is not pinned.</param>
/// <param name="Origin">Where the reference is written (a file), for the fix.</param>
internal sealed record Reference(string Implementation, string Kind, string Name, string? Pin, string Origin)
{
    /// <summary>The Python the stack runs (<c>3.7</c>), for pip references.</summary>
    public string? Python { get; init; }

    /// <summary>For a <c>stack</c> row: why there is no such stack.</summary>
    public string? Note { get; init; }

    public string Shown =>
        Pin is null ? Name
        : Kind == "pip" ? $"{Name}=={Pin}"
        : $"{Name} @ {Pin}";
}

/// <param name="Bytes">What the probe received (headers and bodies), to show that Check downloads no wheel or image.</param>
internal sealed record CheckResult(Reference Reference, CheckStatus Status, string Fix, long Bytes);
