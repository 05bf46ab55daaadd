using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

public class SummarySpecs
{
    [Fact]
    public void A_first_Compare_with_no_baseline_reads_as_no_baseline_yet_not_as_a_failure()
    {
        // Arrange
        TargetResult[] results =
        [
            new("Aggregate", TargetStatus.UpToDate, TimeSpan.FromSeconds(1), "up to date"),
            new(
                "Compare",
                TargetStatus.Failed,
                TimeSpan.FromSeconds(1),
                "Compare: compare.md says why (exit 6)",
                ExitCodes.NothingMeasured
            ),
        ];

        // Act
        var summary = Summary.Render(results, TimeSpan.FromSeconds(2));

        // Assert
        Assert.Matches(@"Compare\s+no baseline yet", summary);
        Assert.DoesNotContain("failed", summary.Replace("says why", ""));
        Assert.Contains("Build finished: nothing compared, no baseline yet (exit 6)", summary);
    }

    [Fact]
    public void A_regression_and_a_real_failure_still_fail_the_build()
    {
        // Arrange
        TargetResult[] results =
        [
            new("Compare", TargetStatus.Failed, TimeSpan.FromSeconds(1), "slower", ExitCodes.Regression),
            new("Train-Fake", TargetStatus.Failed, TimeSpan.FromSeconds(1), "crash"),
        ];

        // Act
        var summary = Summary.Render(results, TimeSpan.FromSeconds(2));

        // Assert
        Assert.Matches(@"Compare\s+slower", summary);
        Assert.Matches(@"Train-Fake\s+failed", summary);
        Assert.Contains("Build failed: 2 targets failed", summary);
    }
}
