using MaskBench.Checking;

namespace MaskBench.Tests.Checking;

public class CheckReportSpecs
{
    static CheckResult Row(string kind, CheckStatus status) =>
        new(new Reference("detectron2", kind, $"a {kind}", "1", "recipes/detectron2.json"), status, "the fix", 0);

    [Fact]
    public void A_host_that_reached_nothing_is_offline_in_one_line()
    {
        // Arrange
        var report = new CheckReport(
            [
                Row("git", CheckStatus.Unreachable),
                Row("pip", CheckStatus.Unreachable),
                Row("pip", CheckStatus.NotChecked),
                Row("stack", CheckStatus.Ok),
            ],
            TimeSpan.FromSeconds(3)
        );

        // Act
        var line = report.OfflineLine();

        // Assert
        Assert.True(report.Offline);
        Assert.StartsWith("this host reached none of the 3 references (1 git, 2 pip): it looks offline", line);
    }

    [Fact]
    public void A_host_that_reached_one_reference_is_not_offline_and_its_rows_stay_shown()
    {
        // Arrange
        var report = new CheckReport([Row("git", CheckStatus.Ok), Row("url", CheckStatus.Unreachable)], TimeSpan.FromSeconds(3));

        // Act
        var offline = report.Offline;

        // Assert
        Assert.False(offline);
        Assert.Contains("a url", report.ToTable());
    }
}
