using MaskBench.Model.Records;
using MaskBench.Stages.Patch;

namespace MaskBench.Tests.Patching;

/// <summary>A diff changes exactly the bytes it says: line endings and modes kept, and nothing left behind when a later patch fails.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class DiffFidelitySpecs : IDisposable
{
    readonly PatchFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task A_diff_to_a_file_with_CRLF_line_endings_keeps_them_and_proves_its_blobs()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("train.bat", "set STEPS=1000\r\nset GPUS=1\r\npython train.py\r\n"));
        var patched = fixture.Upstream.Commit("patched", ("train.bat", "set STEPS=50\r\nset GPUS=1\r\npython train.py\r\n"));
        var patch = fixture.WriteDiffBetween("steps.diff", pin, patched);
        fixture.Clone(pin);

        // Act
        var report = await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]);

        // Assert
        Assert.Equal("set STEPS=50\r\nset GPUS=1\r\npython train.py\r\n", fixture.SourceFile("train.bat"));
        Assert.True(Assert.Single(report.Patches[0].BlobChecks).AfterMatches);
        Assert.Equal(fixture.TreeOf(patched), report.TreeHash);
    }

    [Fact]
    public async Task A_hunk_whose_line_endings_differ_from_the_file_is_refused_and_the_difference_named()
    {
        // Arrange: the diff was saved with LF, the file has CRLF
        var pin = fixture.Upstream.Commit("base", ("train.bat", "set STEPS=1000\r\nset GPUS=1\r\n"));
        var patch = fixture.WriteDiff(
            "steps.diff",
            "--- a/train.bat\n+++ b/train.bat\n@@ -1,2 +1,2 @@\n-set STEPS=1000\n+set STEPS=50\n set GPUS=1\n"
        );
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() => Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]));

        // Assert
        Assert.Contains("steps.diff: hunk '@@ -1,2 +1,2 @@' does not apply to train.bat", error.Message);
        Assert.Contains(
            "line 1 should be 'set STEPS=1000' but is 'set STEPS=1000' (they differ in whitespace or line ending)",
            error.Message
        );
        Assert.Equal("set STEPS=1000\r\nset GPUS=1\r\n", fixture.SourceFile("train.bat"));
    }

    [Fact]
    public async Task A_new_file_a_diff_makes_executable_is_executable()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = 1\n"));
        var patch = fixture.WriteDiff(
            "tools.diff",
            "diff --git a/tools/run.sh b/tools/run.sh\nnew file mode 100755\n--- /dev/null\n+++ b/tools/run.sh\n@@ -0,0 +1 @@\n+echo run\n"
        );
        fixture.Clone(pin);

        // Act
        await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]);

        // Assert
        Assert.Equal("echo run\n", fixture.SourceFile("tools/run.sh"));
        Assert.True(
            OperatingSystem.IsWindows()
                || File.GetUnixFileMode(Path.Combine(fixture.Source, "tools", "run.sh")).HasFlag(UnixFileMode.UserExecute)
        );
    }

    [Fact]
    public async Task A_patch_that_fails_after_a_diff_applied_leaves_neither_its_edits_nor_its_new_files()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = torch.uint8\n"));
        var patched = fixture.Upstream.Commit("patched", ("setup.py", "x = torch.bool\n"), ("tools/new.py", "y = 1\n"));
        var patch = fixture.WriteDiffBetween("change.diff", pin, patched);
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(
                fixture.Source,
                fixture.PatchesDirectory,
                [patch, PatchFixture.Substitute("**/*.cu", "AT_CHECK", "TORCH_CHECK")]
            )
        );

        // Assert
        Assert.Contains("matched nothing", error.Message);
        Assert.Equal("x = torch.uint8\n", fixture.SourceFile("setup.py"));
        Assert.False(Directory.Exists(Path.Combine(fixture.Source, "tools")));
    }
}
