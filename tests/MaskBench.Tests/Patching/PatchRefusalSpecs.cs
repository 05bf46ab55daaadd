using MaskBench.Stages.Patch;

namespace MaskBench.Tests.Patching;

[Trait(Needs.Trait, Needs.Processes)]
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
    public async Task A_patch_that_reaches_outside_the_tree_is_refused_before_anything_is_written(string target, string why)
    {
        // Arrange
        Directory.CreateDirectory(Outside);
        fixture.Upstream.Commit("base", ("setup.py", "x = torch.uint8\n"));
        var pin = fixture.Upstream.Symlink("link", "linked", Outside);
        var evil = fixture.WriteDiff("evil.diff", $"--- /dev/null\n+++ {target}\n@@ -0,0 +1 @@\n+evil\n");
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(
                fixture.Source,
                fixture.PatchesDirectory,
                [PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool"), evil]
            )
        );

        // Assert
        Assert.Contains("refusing path", error.Message);
        Assert.Contains(why, error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Outside));
        Assert.False(File.Exists("/tmp/maskbench-evil.txt"));
        Assert.Equal("x = torch.uint8\n", fixture.SourceFile("setup.py"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_diff_is_refused()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = 1\n"));
        var notADiff = fixture.WriteDiff("notes.diff", "Set GPU_COUNT to 8 and train for 40 epochs.\n");
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [notADiff])
        );

        // Assert
        Assert.Contains("notes.diff is not a unified diff", error.Message);
    }

    [Fact]
    public async Task A_missing_patch_file_is_named()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = 1\n"));
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [PatchFixture.Diff("absent.diff")])
        );

        // Assert
        Assert.Contains("absent.diff does not exist", error.Message);
    }

    [Fact]
    public async Task Patching_starts_from_a_clean_checkout_of_the_pin()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", (".gitignore", "build/\n"), ("setup.py", "x = torch.uint8\n"));
        fixture.Clone(pin);
        File.WriteAllText(Path.Combine(fixture.Source, "setup.py"), "x = torch.uint8  # edited by hand\n");
        File.WriteAllText(Path.Combine(fixture.Source, "stray.py"), "y = torch.uint8\n");
        Directory.CreateDirectory(Path.Combine(fixture.Source, "build"));
        File.WriteAllText(Path.Combine(fixture.Source, "build", "_C.so"), "old build");

        // Act
        var report = await Patcher.PatchAsync(
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
    public async Task A_folder_that_is_not_a_finished_clone_is_not_patched()
    {
        // Arrange
        Directory.CreateDirectory(fixture.Source);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() => Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, []));

        // Assert
        Assert.Contains("run the Clone target first", error.Message);
    }

    [Theory]
    [InlineData("../evil.diff")]
    [InlineData("ABSOLUTE")]
    [InlineData("linked.diff")]
    public async Task A_patch_file_outside_the_patches_folder_is_not_read(string file)
    {
        // Arrange: a valid diff beside the patches folder, named by '..', by its full path, or through a link
        var pin = fixture.Upstream.Commit("base", ("setup.py", "x = 1\n"));
        var patched = fixture.Upstream.Commit("patched", ("setup.py", "x = 2\n"));
        fixture.WriteDiffBetween("inside.diff", pin, patched);
        var outside = Path.Combine(fixture.PatchesDirectory, "..", "evil.diff");
        File.Move(Path.Combine(fixture.PatchesDirectory, "inside.diff"), outside);
        File.CreateSymbolicLink(Path.Combine(fixture.PatchesDirectory, "linked.diff"), outside);
        fixture.Clone(pin);
        var spec = PatchFixture.Diff(file == "ABSOLUTE" ? Path.GetFullPath(outside) : file);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() => Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [spec]));

        // Assert
        Assert.Contains(file == "linked.diff" ? "is a symbolic link" : "is outside", error.Message);
        Assert.Equal("x = 1\n", fixture.SourceFile("setup.py"));
    }

    [Fact]
    public void Every_diff_a_recipe_names_is_an_input_of_its_patch_step()
    {
        // Arrange
        var patches = new[] { PatchFixture.Diff("a.diff"), PatchFixture.Substitute("**/*.py", "x", "y"), PatchFixture.Diff("sub/b.diff") };

        // Act
        var files = Patcher.InputFiles(patches, fixture.PatchesDirectory);
        var escaping = Assert.Throws<PatchException>(() =>
            Patcher.InputFiles([PatchFixture.Diff("../../c.diff")], fixture.PatchesDirectory)
        );

        // Assert
        Assert.Equal([Path.Combine(fixture.PatchesDirectory, "a.diff"), Path.Combine(fixture.PatchesDirectory, "sub", "b.diff")], files);
        Assert.Contains("is outside", escaping.Message);
    }
}
