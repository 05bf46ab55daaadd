using MaskBench.Model.Catalog;
using MaskBench.Stages.Patch;

namespace MaskBench.Tests.Patching;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class SubstitutionSpecs : IDisposable
{
    readonly PatchFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    string CloneTree() =>
        fixture.Clone(
            fixture.Upstream.Commit(
                "tree",
                ("setup.py", "dtype = torch.uint8\n"),
                ("demo/predictor.py", "mask = x.to(torch.uint8)\n"),
                ("pkg/modeling/deep/sampler.py", "a = torch.uint8\nb = torch.uint8\n"),
                ("pkg/csrc/cuda/conv.cu", "AT_CHECK(a); AT_CHECK(b);\nAT_CHECK(c);\n"),
                ("notes.txt", "torch.uint8 stays here\n")
            )
        );

    [Fact]
    public async Task A_substitution_reaches_files_at_every_depth_and_counts_them()
    {
        // Arrange
        CloneTree();

        // Act
        var report = await Patcher.PatchAsync(
            fixture.Source,
            fixture.PatchesDirectory,
            [PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool"), PatchFixture.Substitute("**/*.cu", "AT_CHECK", "TORCH_CHECK")]
        );

        // Assert
        Assert.Equal((3, 4), (report.Patches[0].Files, report.Patches[0].Replacements));
        Assert.Equal((1, 3), (report.Patches[1].Files, report.Patches[1].Replacements));
        Assert.Equal("dtype = torch.bool\n", fixture.SourceFile("setup.py"));
        Assert.Equal("a = torch.bool\nb = torch.bool\n", fixture.SourceFile("pkg/modeling/deep/sampler.py"));
        Assert.Equal("TORCH_CHECK(a); TORCH_CHECK(b);\nTORCH_CHECK(c);\n", fixture.SourceFile("pkg/csrc/cuda/conv.cu"));
        Assert.Equal("torch.uint8 stays here\n", fixture.SourceFile("notes.txt"));
    }

    [Fact]
    public async Task A_substitution_that_matches_nothing_fails_and_undoes_the_others()
    {
        // Arrange
        CloneTree();

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(
                fixture.Source,
                fixture.PatchesDirectory,
                [
                    PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool"),
                    PatchFixture.Substitute("**/*.cu", "THCudaCheck", "C10_CUDA_CHECK"),
                ]
            )
        );

        // Assert
        Assert.Contains("'THCudaCheck' -> 'C10_CUDA_CHECK' in **/*.cu matched nothing", error.Message);
        Assert.Equal("dtype = torch.uint8\n", fixture.SourceFile("setup.py"));
    }

    [Fact]
    public async Task Patching_twice_gives_the_same_tree()
    {
        // Arrange
        CloneTree();
        PatchSpec[] patches = [PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool")];
        var first = await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, patches);

        // Act
        var second = await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, patches);

        // Assert
        Assert.Equal(first.TreeHash, second.TreeHash);
        Assert.Equal(4, second.Patches[0].Replacements);
    }
}
