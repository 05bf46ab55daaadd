using MaskBench.Model.Logs;
using MaskBench.Stages.Train;

namespace MaskBench.Tests.Terminal;

public class ProgressLineSpecs
{
    [Fact]
    public void A_user_sees_one_progress_line_per_interval_with_one_estimate_and_the_window_s_end_once()
    {
        // Arrange: iterations every 10 s, a line at most every 25 s; the trainer keeps printing after the window's end
        var lines = new CollectedLines();
        var progress = new ProgressReporter("fake", new Window(2, 10), imagesPerIteration: 2, TimeSpan.FromSeconds(25), lines.Logger);

        // Act
        for (var i = 1; i <= 12; i++)
            progress.Observe(new Progress(i, WindowComplete: i >= 10, ImagesPerSecond: null), seconds: 10 * i);

        // Assert
        Assert.Equal(
            [
                "\"fake\": iteration 1 of 10",
                "\"fake\": iteration 4 of 10, 0.20 img/s so far, about 0:01:00 to the window's end",
                "\"fake\": iteration 7 of 10, 0.20 img/s so far, about 0:00:30 to the window's end",
                "\"fake\": iteration 10 of 10, 0.20 img/s so far, window complete",
            ],
            lines.Lines.Select(l => l.Text)
        );
    }
}
