using MaskBench.Stages.Setup.Check;

namespace MaskBench.Tests.Checking;

/// <summary>A Check that reached nothing is one line (the host looks offline); one answer anywhere keeps the table.</summary>
public class OfflineCheckSpecs
{
    static CheckResult Result(string name, CheckStatus status) =>
        new(new Reference("detectron2", "pip", name, "1.0", "recipes/detectron2.json"), status, $"{name}: the fix", 0);

    [Theory]
    [InlineData("Unreachable Unreachable NotChecked", true)]
    [InlineData("Unreachable Ok", false)]
    [InlineData("Unreachable Missing", false)]
    [InlineData("NotChecked", false)]
    public void A_check_that_reached_nothing_is_told_apart_from_one_that_reached_something(string statuses, bool offline)
    {
        // Arrange
        var report = new CheckReport(
            [.. statuses.Split(' ').Select((s, i) => Result($"package{i}", Enum.Parse<CheckStatus>(s)))],
            TimeSpan.FromSeconds(1)
        );

        // Act
        var nothingReached = report.NothingReached;

        // Assert
        Assert.Equal(offline, nothingReached);
    }
}
