namespace MaskBench.Stages.Patch;

/// <summary>A patch cannot be applied as the recipe says: one line naming the file and the fix.</summary>
internal sealed class PatchException(string message) : MaskBenchException(message);
