using CliWrap;
using CliWrap.Buffered;
using MaskBench.Stages.Patch;

namespace MaskBench.Tests.Patching;

/// <summary>
/// The recipes' own patch files, and the proof a patch gives. matterport's upstream is not here (no copy of it may be
/// committed), so its diff is checked for what it states; the proof itself (pre-blob, post-blob, tree) runs end to end
/// on a local repository the test writes, with a diff made by the git CLI.
/// </summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class RecipePatchSpecs : IDisposable
{
    readonly PatchFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void The_matterport_diff_states_the_pages_pre_and_post_blobs_of_three_files()
    {
        // Arrange
        var file = Paths.Repository("patches", "matterport", "benchmark-hyperparameters.diff");

        // Act
        var files = UnifiedDiff.Parse(file);

        // Assert
        Assert.Equal(["mrcnn/model.py", "mrcnn/parallel_model.py", "samples/coco/coco.py"], files.Select(f => f.Target));
        Assert.Equal(["62cb2b0", "d2bf53b", "5d172b5"], files.Select(f => f.PreHash![..7]));
        Assert.Equal(["61d7779", "060172a", "239ed75"], files.Select(f => f.PostHash![..7]));
        Assert.All(files, f => Assert.Equal(40, f.PostHash!.Length));
        Assert.Equal("            #validation_data=val_generator,\n", files[0].Hunks[1].NewLines[3]);
    }

    [Fact]
    public void The_matterport_diff_includes_the_editors_whitespace_change_in_rpn_bbox_loss_graph()
    {
        // Arrange
        var file = Paths.Repository("patches", "matterport", "benchmark-hyperparameters.diff");

        // Act
        var hunk = UnifiedDiff.Parse(file)[0].Hunks[0];

        // Assert
        Assert.Contains("rpn_bbox_loss_graph", hunk.Header);
        Assert.Equal(1071, hunk.OldStart + hunk.OldLines.ToList().IndexOf("    \n"));
        Assert.Equal(hunk.OldLines.Select(l => l.Trim()), hunk.NewLines.Select(l => l.Trim()));
    }

    static async Task<string> Git(string repository, params string[] arguments) =>
        (await Cli.Wrap("git").WithArguments(["-C", repository, .. arguments]).ExecuteBufferedAsync()).StandardOutput;

    [Fact]
    public async Task A_git_diff_goes_from_its_pre_blobs_to_its_post_blobs_and_the_stated_tree_on_a_local_repository()
    {
        // Arrange: a pin and the patched commit in a repository the test writes; the diff comes from the git CLI
        var pin = fixture.Upstream.Commit("pin", ("mrcnn/model.py", "STEPS = 1000\n    \nGPU_COUNT = 1\n"), ("README.md", "x\n"));
        var patched = fixture.Upstream.Commit("patched", ("mrcnn/model.py", "STEPS = 50\n\nGPU_COUNT = 8\n"), ("samples/new.py", "y\n"));
        var diff = await Git(fixture.Upstream.Upstream, "diff", "--full-index", pin, patched);
        var patch = fixture.WriteDiff("benchmark.diff", diff);
        var tree = (await Git(fixture.Upstream.Upstream, "rev-parse", patched + "^{tree}")).Trim();
        fixture.Clone(pin);

        // Act
        var report = await Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch], expectedTree: tree);

        // Assert: every file is the post blob git names, and the tree is git's own
        var checks = report.Patches[0].BlobChecks;
        Assert.Equal(["mrcnn/model.py", "samples/new.py"], checks.Select(c => c.Path));
        foreach (var check in checks)
            Assert.Equal((await Git(fixture.Upstream.Upstream, "rev-parse", $"{patched}:{check.Path}")).Trim(), check.After);
        Assert.Equal(tree, report.TreeHash);
        Assert.Equal("STEPS = 50\n\nGPU_COUNT = 8\n", fixture.SourceFile("mrcnn/model.py"));
    }

    [Fact]
    public async Task A_tree_other_than_the_recipe_states_is_an_error_naming_both_and_the_tree_stays_at_the_pin()
    {
        // Arrange
        var pin = fixture.Upstream.Commit("pin", ("mrcnn/model.py", "STEPS = 1000\n"));
        var patched = fixture.Upstream.Commit("patched", ("mrcnn/model.py", "STEPS = 50\n"));
        var patch = fixture.WriteDiff("benchmark.diff", await Git(fixture.Upstream.Upstream, "diff", "--full-index", pin, patched));
        var tree = (await Git(fixture.Upstream.Upstream, "rev-parse", patched + "^{tree}")).Trim();
        var stated = new string('a', 40);
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() =>
            Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch], stated)
        );

        // Assert
        Assert.Contains($"the patched tree is {tree}, but the recipe's patchedTree says {stated}", error.Message);
        Assert.Contains("put the new tree in the recipe's patchedTree", error.Message);
        Assert.Equal("STEPS = 1000\n", fixture.SourceFile("mrcnn/model.py"));
    }

    [Fact]
    public async Task A_git_diff_whose_post_blob_was_edited_is_an_error()
    {
        // Arrange: the index line promises a blob the hunks do not make
        var pin = fixture.Upstream.Commit("pin", ("mrcnn/model.py", "STEPS = 1000\n"));
        var patched = fixture.Upstream.Commit("patched", ("mrcnn/model.py", "STEPS = 50\n"));
        var diff = await Git(fixture.Upstream.Upstream, "diff", "--full-index", pin, patched);
        var patch = fixture.WriteDiff("benchmark.diff", diff.Replace("+STEPS = 50", "+STEPS = 51"));
        fixture.Clone(pin);

        // Act
        var error = await Assert.ThrowsAsync<PatchException>(() => Patcher.PatchAsync(fixture.Source, fixture.PatchesDirectory, [patch]));

        // Assert
        Assert.Contains("mrcnn/model.py comes out as blob", error.Message);
        Assert.Equal("STEPS = 1000\n", fixture.SourceFile("mrcnn/model.py"));
    }
}
