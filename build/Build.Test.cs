using MaskBench.Development;
using MaskBench.Engine;

namespace MaskBench.Build;

/// <summary>The developer's targets: the suite, what it needs installed, the formatting.</summary>
partial class Build
{
    [Parameter("Test: only tests whose names match this dotnet test filter. Default: all")]
    readonly string? TestFilter = null;

    [Parameter("Test: only these groups (in-process, processes, podman, slurm, registry, npm). Default: all, in that order")]
    readonly string[] TestGroup = [];

    Target Test =>
        _ =>
            _.Description("Check the formatting, then run the test suite group by group (dotnet test tests/MaskBench.Tests)")
                .DependsOn(nameof(TestSetup))
                .Executes(() =>
                    new TestSuite(RootDirectory, TestSummary.In(Context.Workspace.Artifacts), Cancellation).RunAsync(TestGroup, TestFilter)
                );

    Target TestSetup =>
        _ =>
            _.Description(
                    "Install what the tests need, as root (scripts/install-test-deps.sh): Debian packages, podman's test image, npm tools"
                )
                .Executes(() => new TestDependencies(RootDirectory, Cancellation).EnsureAsync());

    Target Publish =>
        _ =>
            _.Description("MaskBench as one self-contained linux-x64 file, artifacts/bin/maskbench: no .NET needed where it runs")
                .Executes(() => new SingleFile(RootDirectory, Context.Workspace.Artifacts, Cancellation).PublishAsync());

    Target Format =>
        _ =>
            _.Description("Format the C# sources with CSharpier (the version in .config/dotnet-tools.json)")
                .Executes(() => new SourceFormat(RootDirectory, Cancellation).FormatAsync());
}
