using MaskBench.Engine;
using Serilog.Events;
using Serilog.Parsing;

namespace MaskBench.Tests.Engine;

public class VerbositySpecs
{
    static LogEvent Line(LogEventLevel level, bool essential = false) =>
        new(
            DateTimeOffset.UnixEpoch,
            level,
            null,
            new MessageTemplateParser().Parse("a line"),
            essential ? [new LogEventProperty(Logging.EssentialProperty, new ScalarValue(true))] : []
        );

    [Theory]
    [InlineData("normal", true)]
    [InlineData("minimal", true)]
    [InlineData("quiet", false)]
    [InlineData("verbose", true)]
    public void Progress_results_and_the_summary_show_at_every_verbosity_but_quiet(string verbosity, bool shown)
    {
        // Act
        var shows = Logging.ConsoleShows(Line(LogEventLevel.Information, essential: true), Logging.Level(verbosity));

        // Assert
        Assert.Equal(shown, shows);
    }

    [Theory]
    [InlineData("normal", false)]
    [InlineData("minimal", false)]
    [InlineData("verbose", true)]
    public void A_trainer_s_own_lines_show_only_at_verbose(string verbosity, bool shown)
    {
        // Act: the echo logs a trainer's lines at Debug
        var shows = Logging.ConsoleShows(Line(LogEventLevel.Debug), Logging.Level(verbosity));

        // Assert
        Assert.Equal(shown, shows);
    }

    [Fact]
    public void Minimal_drops_other_information_but_keeps_warnings()
    {
        // Act
        var level = Logging.Level("minimal");

        // Assert
        Assert.False(Logging.ConsoleShows(Line(LogEventLevel.Information), level));
        Assert.True(Logging.ConsoleShows(Line(LogEventLevel.Warning), level));
    }
}
