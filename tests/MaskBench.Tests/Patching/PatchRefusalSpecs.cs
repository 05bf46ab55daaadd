using MaskBench.Patching;

namespace MaskBench.Tests.Patching;

public sealed class PatchRefusalSpecs : IDisposable
{
    readonly PatchFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    string Outside => Path.Combine(fixture.Upstream.Root, "outside");

    [Theory]
    [InlineData("b/../outside/evil.txt", "'..'")]
    [InlineData("b//tmp/maskbench-evil.txt", "absolute")]
    [InlineData("b/.git/hooks/post-checkout", ".git")]
    [InlineData("b/linked/evil.txt", "symbolic link")]
    public void A_patch_that_reaches_outside_the_tree_is_refused_before_anything_is_written(string target, string why)
    {
        // Arrange
        Directory.CreateDirectory(Outside);
        fixture.Upstream.Commit("base", ("setup.py", "x = torch.uint8\n"));
        var pin = fixture.Upstream.Symlink("link", "linked", Outside);
        var evil = fixture.WriteDiff("evil.diff", $"--- /dev/null\n+++ {target}\n@@ -0,0 +1 @@\n+evil\n");
        fixture.Clone(pin);

        // Act
        var error = Assert.Throws<PatchException>(() =>
            Patcher.Patch(fixture.Source, fixture.PatchesDirectory, [PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool"), evil])
        );

        // Assert
        Assert.Contains("refusing path", error.Message);
        Assert.Contains(why, error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Outside));
        Assert.False(File.Exists("/tmp/maskbench-evil.txt"));
        Assert.Equal("x = torch.uint8\n", fixture.SourceFile("setup.py"));
    }

    [Fact]
    public void A_file_that_is_not_a_diff_is_refused()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = 1\n"));
        var notADiff = fixture.WriteDiff("notes.diff", "Set GPU_COUNT to 8 and train for 40 epochs.\n");
        fixture.Clone(pin);

        // Act
        var error = Assert.Throws<PatchException>(() => Patcher.Patch(fixture.Source, fixture.PatchesDirectory, [notADiff]));

        // Assert
        Assert.Contains("notes.diff is not a unified diff", error.Message);
    }

    [Fact]
    public void A_missing_patch_file_is_named()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = 1\n"));
        fixture.Clone(pin);

        // Act
        var error = Assert.Throws<PatchException>(() =>
            Patcher.Patch(fixture.Source, fixture.PatchesDirectory, [PatchFixture.Diff("absent.diff")])
        );

        // Assert
        Assert.Contains("absent.diff does not exist", error.Message);
    }

    [Fact]
    public void Patching_starts_from_a_clean_checkout_of_the_pin()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", (".gitignore", "build/\n"), ("setup.py", "x = torch.uint8\n"));
        fixture.Clone(pin);
        File.WriteAllText(Path.Combine(fixture.Source, "setup.py"), "x = torch.uint8  # edited by hand\n");
        File.WriteAllText(Path.Combine(fixture.Source, "stray.py"), "y = torch.uint8\n");
        Directory.CreateDirectory(Path.Combine(fixture.Source, "build"));
        File.WriteAllText(Path.Combine(fixture.Source, "build", "_C.so"), "old build");

        // Act
        var report = Patcher.Patch(
            fixture.Source,
            fixture.PatchesDirectory,
            [PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool")]
        );

        // Assert
        Assert.Equal("x = torch.bool\n", fixture.SourceFile("setup.py"));
        Assert.False(File.Exists(Path.Combine(fixture.Source, "stray.py")));
        Assert.False(Directory.Exists(Path.Combine(fixture.Source, "build")));
        Assert.Equal(1, report.Patches[0].Files);
        Assert.Equal(pin, report.BaseCommit);
    }

    [Fact]
    public void A_folder_that_is_not_a_finished_clone_is_not_patched()
    {
        // Arrange
        Directory.CreateDirectory(fixture.Source);

        // Act
        var error = Assert.Throws<PatchException>(() => Patcher.Patch(fixture.Source, fixture.PatchesDirectory, []));

        // Assert
        Assert.Contains("run the Clone target first", error.Message);
    }
}
