namespace MaskBench.Patching;

/// <summary>A patch cannot be applied as the recipe says: one line naming the file and the fix.</summary>
public sealed class PatchException(string message) : Exception(message), IUserError;
