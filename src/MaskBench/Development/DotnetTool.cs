using MaskBench.Tools.Processes;

namespace MaskBench.Development;

/// <summary>The <c>dotnet</c> commands a developer's targets run, in the repository's root.</summary>
internal static class DotnetTool
{
    public static ProcessSpec Command(string root, IReadOnlyList<string> arguments) =>
        new(["dotnet", .. arguments], root, new Dictionary<string, string>());
}
