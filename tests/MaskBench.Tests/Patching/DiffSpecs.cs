using MaskBench.Stages.Patch;

namespace MaskBench.Tests.Patching;

[Trait(Needs.Trait, Needs.Processes)]
public sealed class DiffSpecs : IDisposable
{
    readonly PatchFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    const string Model =
        "class Model:\n    def train(self):\n        fit(\n            epochs=1,\n            validation_data=val,\n        )\n    \n    def test(self):\n        pass\n";
    const string Edited =
        "class Model:\n    def train(self):\n        fit(\n            epochs=1,\n            #validation_data=val,\n        )\n\n    def test(self):\n        pass\n";
    const string Config = "class Config:\n    # GPU_COUNT = 8\n    STEPS = 1000";
    const string ConfigEdited = "class Config:\n    GPU_COUNT = 8\n    STEPS = 50";

    [Fact]
    public async Task A_diff_applies_with_exact_indentation_and_proves_its_blobs()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("pkg/model.py", Model), ("config.py", Config), ("gone.txt", "bye\n"));
        var patched = fixture.Upstream.Commit(
            "patched",
            ("pkg/model.py", Edited),
            ("config.py", ConfigEdited),
            ("gone.txt", null),
            ("tools/new.sh", "echo new\n")
        );
        var patch = fixture.WriteDiffBetween("change.diff", pin, patched);
        fixture.Clone(pin);

        // Act
        var report = await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]);

        // Assert
        Assert.Equal(fixture.TreeOf(patched), report.TreeHash);
        Assert.Equal(Edited, fixture.SourceFile("pkg/model.py"));
        Assert.Equal(ConfigEdited, fixture.SourceFile("config.py"));
        Assert.False(File.Exists(Path.Combine(fixture.Source, "gone.txt")));
        Assert.Equal(4, report.Patches[0].Files);
        Assert.All(report.Patches[0].BlobChecks, check => Assert.True(check.AfterMatches, check.Path));
        Assert.Equal(4, report.Patches[0].BlobChecks.Count);
    }

    [Fact]
    public async Task A_diff_whose_result_differs_from_its_index_line_is_an_error_and_undoes_everything()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("pkg/model.py", Model));
        var patched = fixture.Upstream.Commit("patched", ("pkg/model.py", Edited));
        var text = File.ReadAllText(Path.Combine(fixture.PatchesDirectory, fixture.WriteDiffBetween("change.diff", pin, patched).File!));
        var withoutWhitespaceHunk = text.Replace("-    \n+\n", "     \n"); // keep the pre hash, lose the whitespace change
        var patch = fixture.WriteDiff("change.diff", withoutWhitespaceHunk);
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() => Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]));

        // Assert
        Assert.Contains("pkg/model.py comes out as blob", error.Message);
        Assert.Contains("but the diff's index line says", error.Message);
        Assert.Contains("git diff --full-index", error.Message);
        Assert.Equal(Model, fixture.SourceFile("pkg/model.py"));
    }

    [Fact]
    public async Task A_diff_written_against_another_base_is_refused()
    {
        // Arrange
        var older = fixture.Upstream.Commit("older", ("pkg/model.py", Model.Replace("epochs=1", "epochs=2")));
        var pin = fixture.Upstream.Commit("base", ("pkg/model.py", Model));
        var patched = fixture.Upstream.Commit("patched", ("pkg/model.py", Edited));
        var patch = fixture.WriteDiffBetween("change.diff", pin, patched);
        fixture.Clone(older);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() => Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]));

        // Assert
        Assert.Contains("pkg/model.py has blob", error.Message);
        Assert.Contains("wrong base", error.Message);
        Assert.Equal(Model.Replace("epochs=1", "epochs=2"), fixture.SourceFile("pkg/model.py"));
    }

    [Fact]
    public async Task A_hunk_that_does_not_match_names_the_patch_the_file_the_hunk_and_the_line_and_undoes_everything()
    {
        // Arrange: the diff lost its indentation, as on the benchmark page
        var pin = fixture.Upstream.Commit("base", ("pkg/model.py", Model), ("setup.py", "x = torch.uint8\n"));
        var patch = fixture.WriteDiff(
            "flattened.diff",
            "--- a/pkg/model.py\n+++ b/pkg/model.py\n@@ -3,3 +3,3 @@ class Model:\n fit(\n epochs=1,\n-validation_data=val,\n+#validation_data=val,\n"
        );
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(
                fixture.Source,
                fixture.PatchesDirectory,
                [PatchFixture.Substitute("**/*.py", "torch.uint8", "torch.bool"), patch]
            )
        );

        // Assert
        Assert.Contains("flattened.diff", error.Message);
        Assert.Contains("pkg/model.py", error.Message);
        Assert.Contains("@@ -3,3 +3,3 @@ class Model:", error.Message);
        Assert.Contains("line 3 should be 'fit(' but is '        fit('", error.Message);
        Assert.Equal("x = torch.uint8\n", fixture.SourceFile("setup.py"));
        Assert.Equal(Model, fixture.SourceFile("pkg/model.py"));
    }

    [Fact]
    public async Task A_hunk_shifted_by_a_few_lines_still_applies()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("base", ("config.py", "# header\n# more\n" + Config + "\n"));
        var patch = fixture.WriteDiff(
            "shifted.diff",
            "--- a/config.py\n+++ b/config.py\n@@ -1,2 +1,2 @@\n class Config:\n-    # GPU_COUNT = 8\n+    GPU_COUNT = 8\n"
        );
        fixture.Clone(pin);

        // Act
        await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]);

        // Assert
        Assert.Equal("# header\n# more\nclass Config:\n    GPU_COUNT = 8\n    STEPS = 1000\n", fixture.SourceFile("config.py"));
    }
}
