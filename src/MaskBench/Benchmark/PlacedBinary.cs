using MaskBench.Foundation.Files;
using MaskBench.Tools.Slurm;

namespace MaskBench.Benchmark;

/// <summary>
/// What a Slurm job's node runs: with the single-file MaskBench, that very file, placed once per version in the work
/// folder the nodes share (<c>.work/bin/maskbench-&lt;sha256&gt;</c>: content-addressed, so two versions never meet
/// and a changed file is refused on the node); with <c>./build.sh</c>, <c>dotnet _build.dll</c>, for nodes with .NET.
/// </summary>
internal static class PlacedBinary
{
    public static NodeProgram For(string work, string dll)
    {
        if (CarriedCheckout.Commit is null || Environment.ProcessPath is not { } self)
            return NodeProgram.Dotnet(dll);
        var sha = Hashing.File(self);
        var placed = Path.Combine(work, "bin", $"maskbench-{sha[..16]}");
        if (!File.Exists(placed))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(placed)!);
            var scratch = $"{placed}.{Environment.ProcessId}.tmp";
            File.Copy(self, scratch, overwrite: true);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(scratch, (UnixFileMode)0b111_101_101); // 0755
            File.Move(scratch, placed, overwrite: true);
        }
        return NodeProgram.SingleFile(placed, sha);
    }
}
