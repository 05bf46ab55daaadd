using System.Text.RegularExpressions;
using MaskBench.Tests.Environments;

namespace MaskBench.Tests;

public sealed class TestImageSpecs
{
    [Fact]
    public void The_test_image_has_one_tag_in_the_Dockerfile_the_install_script_and_the_specs()
    {
        // Arrange
        var dockerfile = File.ReadAllText(Paths.Repository("environments", "test", "Dockerfile"));
        var script = File.ReadAllText(Paths.Repository("scripts", "install-test-deps.sh"));

        // Act
        var fromDockerfile = Regex.Match(dockerfile, @"^ARG BASE=(\S+)$", RegexOptions.Multiline).Groups[1].Value;
        var fromScript = Regex.Match(script, @"^IMAGE=""([^""]+)""$", RegexOptions.Multiline).Groups[1].Value;

        // Assert
        Assert.Equal(Podman.TestImage, fromDockerfile);
        Assert.Equal(Podman.TestImage, fromScript);
    }
}
