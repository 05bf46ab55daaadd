using MaskBench.Benchmark;
using MaskBench.Engine;
using MaskBench.Tools.Git;
using Serilog;

namespace MaskBench.Development;

/// <summary>
/// <c>./build.sh Publish</c>: MaskBench as one self-contained, compressed <c>linux-x64</c> file
/// (<c>&lt;artifacts&gt;/bin/maskbench</c>) that needs no .NET where it runs, with the checkout of its commit inside as a git
/// bundle (<see cref="CarriedCheckout"/>) and the commit in its metadata, so that <c>--help</c> and every run say
/// which MaskBench it is.
/// </summary>
internal sealed class SingleFile(string root, string artifacts, CancellationToken cancellation)
{
    public string Output => Path.Combine(artifacts, "bin", "maskbench");

    public async Task PublishAsync()
    {
        var head = await GitCli.Run(root, ["rev-parse", "HEAD"], cancellation);
        if (!head.Ok)
            throw new BuildException($"Publish needs a git checkout with a commit: {head.Error}");
        var status = await GitCli.Run(root, ["status", "--porcelain", "--untracked-files=no"], cancellation);
        if (status.Output.Length > 0)
            Log.Warning(
                "Publish: tracked files differ from {Commit}; the binary's code has the changes, but the checkout it carries is {Commit} as committed",
                head.Output[..12],
                head.Output[..12]
            );
        var scratch = Path.Combine(root, ".nuke", "temp", "publish");
        if (Directory.Exists(scratch))
            Directory.Delete(scratch, recursive: true);
        Directory.CreateDirectory(scratch);
        var bundle = Path.Combine(scratch, CarriedCheckout.BundleResource);
        var made = await GitCli.Run(root, ["bundle", "create", "--quiet", bundle, "HEAD"], cancellation);
        if (!made.Ok)
            throw new BuildException($"git bundle create failed in {root}: {made.Error}");
        var publish = await ProcessRunner.RunAsync(
            DotnetTool.Command(
                root,
                [
                    "publish",
                    Path.Combine(root, "build", "_build.csproj"),
                    "--nologo",
                    "-c",
                    "Release",
                    "-r",
                    "linux-x64",
                    "--self-contained",
                    "true",
                    "-p:PublishSingleFile=true",
                    "-p:EnableCompressionInSingleFile=true",
                    "-p:IncludeNativeLibrariesForSelfExtract=true",
                    // the single-file analyzer would add a package (the trimming tasks) that the lock files of the
                    // build and the tests do not hold, and a locked restore (CI) would refuse it
                    "-p:EnableSingleFileAnalyzer=false",
                    $"-p:MaskBenchBundle={bundle}",
                    $"-p:MaskBenchCommit={head.Output}",
                    "-o",
                    Path.Combine(scratch, "out"),
                ]
            ),
            new ProcessOptions
            {
                What = "dotnet publish (single file, self-contained, linux-x64)",
                Timeout = TimeSpan.FromMinutes(20),
                LogLines = true,
                ProgressEvery = TimeSpan.FromSeconds(30),
            },
            cancellation
        );
        publish.EnsureSuccess();
        Directory.CreateDirectory(Path.GetDirectoryName(Output)!);
        File.Move(Path.Combine(scratch, "out", "_build"), Output, overwrite: true);
        Log.Information(
            "Published {Output}: {Megabytes:0.0} MB, MaskBench {Commit}, linux-x64, no .NET needed where it runs",
            Output,
            new FileInfo(Output).Length / 1e6,
            head.Output
        );
    }
}
