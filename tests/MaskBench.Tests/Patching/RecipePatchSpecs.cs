using MaskBench.Patching;

namespace MaskBench.Tests.Patching;

/// <summary>The recipes' own patch files (the benchmark page's patches): they parse, and they say what they prove.</summary>
public sealed class RecipePatchSpecs
{
    [Fact]
    public void The_matterport_diff_changes_three_files_from_the_pages_pre_blobs_to_its_post_blobs()
    {
        // Arrange
        var file = Paths.Repository("patches", "matterport", "benchmark-hyperparameters.diff");

        // Act
        var files = UnifiedDiff.Parse(file);

        // Assert
        Assert.Equal(["mrcnn/model.py", "mrcnn/parallel_model.py", "samples/coco/coco.py"], files.Select(f => f.Target));
        Assert.Equal(["62cb2b0", "d2bf53b", "5d172b5"], files.Select(f => f.PreHash![..7]));
        Assert.Equal(["61d7779", "060172a", "239ed75"], files.Select(f => f.PostHash![..7]));
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
}
