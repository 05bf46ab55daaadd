namespace MaskBench.Tests.BuildScript;

/// <summary>--pin, Bisect-&lt;Id&gt; and Track-&lt;Id&gt; as a user reaches them: through ./build.sh.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class HistoryTargetSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task Bad_pins_and_a_bisect_without_its_commits_are_refused_in_one_line()
    {
        // Arrange
        using var build = new BuildScript();

        // Act
        var several = await build.Run("Benchmark", "--pin", "2f3c9a1", "--implementations", "detectron2,mmdetection");
        var notHex = await build.Run("Benchmark", "--set", "pin=main", "--implementations", "detectron2");
        var bisect = await build.Run("Bisect-Detectron2", "--bad", "2f3c9a1");
        var help = await build.Run("--help");

        // Assert
        Assert.NotEqual(0, several.ExitCode);
        Assert.Contains(
            "error: --pin 2f3c9a1 pins one implementation, but --implementations names 2 (detectron2, mmdetection): name one",
            several.StandardError + several.StandardOutput
        );
        Assert.NotEqual(0, notHex.ExitCode);
        Assert.Contains("--pin: 'main' is not a commit hash", notHex.StandardError + notHex.StandardOutput);
        Assert.NotEqual(0, bisect.ExitCode);
        Assert.Contains("Bisect-Detectron2 needs --good <commit>", bisect.StandardError + bisect.StandardOutput); // before preflight
        Assert.Contains("Bisect-<Id> --good A --bad B", help.StandardOutput);
        Assert.Matches(@"(?m)^  --pin +Measure one implementation", help.StandardOutput);
    }
}
