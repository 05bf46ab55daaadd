using MaskBench.Foundation.Text;

namespace MaskBench.Tests.Text;

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
    [InlineData("**/*.py", "a/b.py/c", false)]
    [InlineData("**/b/*.py", "a/b/c.py", true)]
    [InlineData("**/b/*.py", "b/c.py", true)]
    [InlineData("**/b/*.py", "ab/c.py", false)]
    [InlineData("**/b/*.py", "a//b/c.py", false)]
    [InlineData("src/**", "src", false)]
    [InlineData("src/**/x", "src/x", true)]
    [InlineData("a**b", "a/c/b", true)]
    [InlineData("*.log.json", "20260101_120000.log.json", true)]
    [InlineData("*.log", "train.log", true)]
    [InlineData("*", "", true)]
    [InlineData("", "x", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbY/c", false)]
    public void A_glob_matches_as_bash_globstar_would(string glob, string path, bool matches)
    {
        // Act
        var matched = Glob.Matches(glob, path);

        // Assert
        Assert.Equal(matches, matched);
    }
}
