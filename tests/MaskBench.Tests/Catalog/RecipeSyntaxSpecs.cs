using MaskBench.Model.Catalog;

namespace MaskBench.Tests.Catalog;

public sealed class RecipeSyntaxSpecs
{
    [Theory]
    [InlineData("maskrcnn-benchmark", true)]
    [InlineData("detectron2", true)]
    [InlineData("Detectron2", false)]
    [InlineData("-detectron", false)]
    [InlineData("detectron-", false)]
    [InlineData("mask--rcnn", false)]
    [InlineData("mask_rcnn", false)]
    [InlineData("", false)]
    public void An_id_is_lower_case_words_joined_by_single_hyphens(string id, bool valid) => Assert.Equal(valid, RecipeSyntax.IsId(id));

    [Theory]
    [InlineData("4a7d1b7", true)]
    [InlineData("557fe9194b2ca9c53f8acb6f6b866fecb756ed5d", true)]
    [InlineData("4a7d1b", false)]
    [InlineData("4A7D1B7", false)]
    [InlineData("557fe9194b2ca9c53f8acb6f6b866fecb756ed5d0", false)]
    [InlineData("v0.1.1x", false)]
    public void A_pin_is_7_to_40_lower_case_hex_digits(string pin, bool valid) => Assert.Equal(valid, RecipeSyntax.IsPin(pin));

    [Theory]
    [InlineData("557fe9194b2ca9c53f8acb6f6b866fecb756ed5d", true)]
    [InlineData("557fe91", false)]
    public void A_tree_is_40_hex_digits(string tree, bool valid) => Assert.Equal(valid, RecipeSyntax.IsTree(tree));

    [Theory]
    [InlineData("open-mmlab/mmdetection", true)]
    [InlineData("matterport/Mask_RCNN", true)]
    [InlineData("facebookresearch/detectron2.git", true)]
    [InlineData("mmdetection", false)]
    [InlineData("a/b/c", false)]
    [InlineData("/mmdetection", false)]
    [InlineData("open mmlab/mmdetection", false)]
    public void A_mirror_is_owner_slash_name(string mirror, bool valid) => Assert.Equal(valid, RecipeSyntax.IsMirror(mirror));

    [Theory]
    [InlineData("sm_70", true)]
    [InlineData("sm_100", true)]
    [InlineData("sm_7", false)]
    [InlineData("sm_1000", false)]
    [InlineData("sm_7a", false)]
    [InlineData("compute_70", false)]
    public void An_architecture_is_sm_and_two_or_three_digits(string architecture, bool valid) =>
        Assert.Equal(valid, RecipeSyntax.IsArchitecture(architecture));
}
