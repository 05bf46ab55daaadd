using MaskBench.Model.Catalog;

namespace MaskBench.Stages;

/// <summary>One target of a chain: a stage of a recipe, for one run where the stage is per run (Train, Parse) or for
/// all of them (Clone, Patch, Setup, which take run 1 as their key).</summary>
internal sealed record Step(Recipe Recipe, RunKey Run)
{
    /// <summary><c>Train-Detectron2</c> for run 1, <c>Train-Detectron2-2</c> for run 2 of a per-run stage.</summary>
    public string Name(string verb, bool perRun = false) =>
        perRun && Run.Repeat > 1 ? $"{verb}-{Recipe.TargetSuffix}-{Run.Folder}" : $"{verb}-{Recipe.TargetSuffix}";
}
