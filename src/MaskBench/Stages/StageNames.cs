namespace MaskBench.Stages;

/// <summary>The names of the targets that are not per implementation, for the stages that depend on them.</summary>
internal static class StageNames
{
    /// <summary>The synthetic dataset (<c>--coco synthetic</c>), which every Train depends on then.</summary>
    public const string Data = "Data";
}
