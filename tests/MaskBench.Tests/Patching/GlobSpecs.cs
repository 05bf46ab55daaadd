using MaskBench.Patching;

namespace MaskBench.Tests.Patching;

public sealed class GlobSpecs
{
    [Theory]
    [InlineData("**/*.py", "setup.py", true)]
    [InlineData("**/*.py", "demo/predictor.py", true)]
    [InlineData("**/*.py", "maskrcnn_benchmark/modeling/rpn/inference.py", true)]
    [InlineData("**/*.py", "notes.pyc", false)]
    [InlineData("**/*.cu", "maskrcnn_benchmark/csrc/cuda/deform_conv_cuda.cu", true)]
    [InlineData("*/*.py", "maskrcnn_benchmark/modeling/x.py", false)]
    [InlineData("src/**", "src/a/b.c", true)]
    [InlineData("a?c.txt", "abc.txt", true)]
    [InlineData("a?c.txt", "a/c.txt", false)]
    public void A_glob_matches_as_bash_globstar_would(string glob, string path, bool matches)
    {
        // Arrange
        var regex = Glob.ToRegex(glob);

        // Act
        var matched = regex.IsMatch(path);

        // Assert
        Assert.Equal(matches, matched);
    }
}
