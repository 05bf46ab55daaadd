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

        [Parameter("Images", Minimum = 1)]
        public int SyntheticImages = 16;

        [Parameter("Settings")]
        public string[] Set = [];

        [Parameter("Work folder", Folder = true)]
        public string? WorkDir = null;
    }

    readonly string nuke = Directory.CreateTempSubdirectory("maskbench-nuke-").FullName;

    public void Dispose() => Directory.Delete(nuke, recursive: true);

    (SampleBuild Build, IReadOnlyDictionary<string, ParameterSource> Sources) Bind(
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
            environment ?? new Hashtable(),
            nuke
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
        Assert.Equal("$IMPLEMENTATIONS", sources["Implementations"].Label);
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

    [Theory]
    [InlineData("--train-timeout", "90", "parameter --train-timeout (command line): '90' has no unit: write 90s, 90m or 90h")]
    [InlineData("--train-timeout", "1.5", "parameter --train-timeout (command line): '1.5' has no unit: write 1.5s, 1.5m or 1.5h")]
    [InlineData("--gpus", "eight", "parameter --gpus (command line): 'eight' is not a whole number: write it in digits, e.g. 8")]
    [InlineData("--gpus", "99999999999", "parameter --gpus (command line): '99999999999' is not a whole number: it is beyond 2147483647")]
    [InlineData(
        "--train-timeout",
        "soon-ish",
        "parameter --train-timeout (command line): 'soon-ish' is not a duration such as 90s, 45m, 2h or 01:30:00: write a number with a unit (s, m, h, d) or hh:mm:ss"
    )]
    [InlineData("--synthetic-images", "0", "parameter --synthetic-images (command line): 0 is too small: give 1 or more")]
    [InlineData("--synthetic-images", "-1", "parameter --synthetic-images (command line): -1 is too small: give 1 or more")]
    [InlineData(
        "--implementations",
        "",
        "parameter --implementations (command line): the list is empty; name at least one value, or leave the option out for the default"
    )]
    [InlineData(
        "--implementations",
        " ",
        "parameter --implementations (command line): the list is empty; name at least one value, or leave the option out for the default"
    )]
    public void A_value_that_would_be_misread_is_refused_with_the_fix(string option, string value, string message)
    {
        // Act
        var error = Assert.Throws<BuildException>(() => Bind([option, value]));

        // Assert
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_bare_number_for_a_duration_in_a_parameter_file_is_refused_with_the_file_and_line()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), "{\n  \"TrainTimeout\": 5\n}");

        // Act
        var error = Assert.Throws<BuildException>(() => Bind([]));

        // Assert
        Assert.Matches(@"^parameter --train-timeout \(.*parameters\.json:2\): '5' has no unit: write 5s, 5m or 5h$", error.Message);
    }

    [Fact]
    public void A_refused_value_from_the_environment_is_reported_under_the_variable_s_name()
    {
        // Act
        var error = Assert.Throws<BuildException>(() => Bind([], new Hashtable { ["SYNTHETIC_IMAGES"] = "-3" }));

        // Assert
        Assert.Equal(
            "parameter --synthetic-images (environment variable SYNTHETIC_IMAGES): -3 is too small: give 1 or more",
            error.Message
        );
    }

    [Fact]
    public void The_source_of_each_value_repeats_it_as_the_user_gave_it()
    {
        // Arrange
        File.WriteAllText(Path.Combine(nuke, "parameters.json"), "{\n  \"TrainTimeout\": \"45m\"\n}");

        // Act
        var (_, sources) = Bind(["--gpus", "4"], new Hashtable { ["NUKE_SYNTHETIC_IMAGES"] = "3" });

        // Assert
        Assert.Equal("--gpus 4", sources["Gpus"].Given);
        Assert.Matches(@"^--train-timeout 00:45:00 \(""TrainTimeout"" in .*parameters\.json:2\)$", sources["TrainTimeout"].Given);
        Assert.Equal("NUKE_SYNTHETIC_IMAGES=3 (environment)", sources["SyntheticImages"].Given);
        Assert.Equal("--implementations (none) (default)", sources["Implementations"].Given);
    }

    [Fact]
    public void A_quoted_setting_with_spaces_is_one_item_and_an_unquoted_one_is_refused_with_the_quoting_to_use()
    {
        // Act
        var (quoted, _) = Bind(["--set", "extra=--hang-at  30", "batch=2 device=cuda"]);
        var error = Assert.Throws<BuildException>(() => Bind(["--set", "extra=--hang-at", "30"]));

        // Assert
        Assert.Equal(["extra=--hang-at  30", "batch=2", "device=cuda"], quoted.Set);
        Assert.Equal(
            "parameter --set (command line): '30' is not key=value but follows 'extra=--hang-at': a value with spaces must be quoted as one, e.g. --set 'extra=--hang-at 30'",
            error.Message
        );
    }

    [Fact]
    public void A_list_of_plain_names_is_still_split_on_spaces()
    {
        // Act
        var (build, _) = Bind(["--implementations", "detectron2 mmdetection", "simpledet"]);

        // Assert
        Assert.Equal(["detectron2", "mmdetection", "simpledet"], build.Implementations);
    }

    [Fact]
    public void A_folder_parameter_that_names_an_existing_file_is_refused_naming_the_option()
    {
        // Arrange
        var file = Path.Combine(nuke, "hostname");
        File.WriteAllText(file, "a file");

        // Act
        var error = Assert.Throws<BuildException>(() => Bind(["--work-dir", "hostname"]));
        var (fine, _) = Bind(["--work-dir", "new-folder"]);

        // Assert
        Assert.Equal($"--work-dir hostname: {file} is a file; --work-dir names a folder", error.Message);
        Assert.Equal("new-folder", fine.WorkDir);
    }

    [Fact]
    public void A_second_run_on_the_same_work_folder_is_refused_while_the_first_holds_it()
    {
        // Arrange
        var lockFile = Path.Combine(nuke, ".lock");
        using var first = WorkLock.Acquire(lockFile);

        // Act
        var error = Assert.Throws<WorkFolderBusyException>(() => WorkLock.Acquire(lockFile));

        // Assert
        Assert.Contains("another MaskBench run holds", error.Message);
        Assert.Contains($"pid {Environment.ProcessId},", error.Message);
    }
}
