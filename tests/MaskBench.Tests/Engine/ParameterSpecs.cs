using System.Collections;
using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

public class ParameterSpecs : IDisposable
{
    sealed class SampleBuild
    {
        [Parameter("GPUs")]
        public int Gpus = 8;

        [Parameter("Ids")]
        public string[] Implementations = [];

        [Parameter("Timeout")]
        public TimeSpan TrainTimeout = TimeSpan.FromHours(2);
    }

    readonly string nuke = Directory.CreateTempSubdirectory("maskbench-nuke-").FullName;

    public void Dispose() => Directory.Delete(nuke, recursive: true);

    (SampleBuild Build, IReadOnlyDictionary<string, string> Sources) Bind(
        string[] args,
        IDictionary? environment = null,
        params string[] profiles
    )
    {
        var build = new SampleBuild();
        var sources = ParameterBinder.Bind(
            build,
            BuildParameter.Of(typeof(SampleBuild)),
            CommandLine.Parse(args),
            ParameterFiles.Load(nuke, profiles),
            environment ?? new Hashtable()
        );
        return (build, sources);
    }

    [Fact]
    public void The_command_line_wins_over_the_parameter_file_which_wins_over_the_environment()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), """{ "Gpus": 4, "TrainTimeout": "45m" }""");
        var environment = new Hashtable
        {
            ["GPUS"] = "2",
            ["NUKE_TRAIN_TIMEOUT"] = "10m",
            ["IMPLEMENTATIONS"] = "detectron2 mmdetection",
        };

        // Act
        var (fromCommandLine, _) = Bind(["--gpus", "1"], environment);
        var (fromFile, sources) = Bind([], environment);

        // Assert
        Assert.Equal(1, fromCommandLine.Gpus);
        Assert.Equal(4, fromFile.Gpus);
        Assert.Equal(TimeSpan.FromMinutes(45), fromFile.TrainTimeout);
        Assert.Equal(["detectron2", "mmdetection"], fromFile.Implementations);
        Assert.Equal("$IMPLEMENTATIONS", sources["Implementations"]);
    }

    [Fact]
    public void A_profile_file_overrides_the_default_parameter_file()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), """{ "Gpus": 4 }""");
        File.WriteAllText(Path.Combine(nuke, "parameters.smoke.json"), """{ "gpus": 0 }""");

        // Act
        var (build, _) = Bind([], null, "smoke");

        // Assert
        Assert.Equal(0, build.Gpus);
    }

    [Fact]
    public void A_malformed_parameter_file_is_reported_with_its_line_and_column()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), "{\n  \"Gpus\": 4,\n  \"TrainTimeout\" \"45m\"\n}");

        // Act
        var error = Assert.Throws<BuildException>(() => Bind([]));

        // Assert
        Assert.Matches(@"parameters\.json:3:\d+: malformed JSON", error.Message);
    }

    [Fact]
    public void An_unknown_parameter_is_refused_with_the_nearest_name()
    {
        // Act
        var error = Assert.Throws<BuildException>(() => Bind(["--gpu", "4"]));

        // Assert
        Assert.Equal("unknown parameter --gpu (did you mean '--gpus'?); see ./build.sh --help", error.Message);
    }

    [Fact]
    public void An_unknown_key_in_a_parameter_file_is_refused_with_its_line()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), "{\n  \"Gpsu\": 4\n}");

        // Act
        var error = Assert.Throws<BuildException>(() => Bind([]));

        // Assert
        Assert.Matches(@"parameters\.json:2: unknown parameter 'Gpsu' \(did you mean 'gpus'\?\)", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_says_what_is_expected()
    {
        // Act
        var error = Assert.Throws<BuildException>(() => Bind(["--train-timeout", "soon"]));

        // Assert
        Assert.StartsWith(
            "parameter --train-timeout (command line): 'soon' is not a duration such as 90s, 45m, 2h or 01:30:00",
            error.Message
        );
    }

    [Fact]
    public void A_second_run_on_the_same_work_folder_is_refused_while_the_first_holds_it()
    {
        // Arrange
        var lockFile = Path.Combine(nuke, ".lock");
        using var first = WorkLock.Acquire(lockFile);

        // Act
        var error = Assert.Throws<BuildException>(() => WorkLock.Acquire(lockFile));

        // Assert
        Assert.Contains("another MaskBench run holds", error.Message);
        Assert.Contains($"pid {Environment.ProcessId},", error.Message);
    }
}
