using MaskBench.Engine;

namespace MaskBench.Tests.Engine;

/// <summary>A stamp file that is not a stamp of this version (fault probe rows 13-15, D10) reads as absent:
/// the target reruns and the plan names the file and what is wrong with it.</summary>
public class StampFileSpecs
{
    public static TheoryData<string, string> Unreadable =>
        new()
        {
            { """{"Target":"Train","Inputs":null,"Outputs":null}""", "inputs is null" },
            { """{"Target":"Train","Outputs":{}}""", "inputs is missing" },
            { """{"Version":99,"Target":"Train","InputHashes":{"a":"b"},"Outputs":{}}""", "version 99" },
            { """{"Target":"Train","Inputs":{"pin":"abc"},"Outputs":[1,2],"Completed":"2026-01-01T00:00:00Z"}""", "outputs is an array" },
            {
                """{"Target":"Train","Inputs":{"pin":{"x":1}},"Outputs":{},"Completed":"2026-01-01T00:00:00Z"}""",
                "inputs is an object with other values"
            },
            { """{"Target":"Clone","Inputs":{},"Outputs":{},"Completed":"2026-01-01T00:00:00Z"}""", "target is \"Clone\"" },
            { """{"Target":"Train","Inputs":{},"Outputs":{},"Completed":"yesterday"}""", "yesterday" },
            { "null", "it holds null" },
            { "[]", "it holds an array" },
            { "{\"Target\":", "Unexpected end" },
            { "", "Error reading JToken" },
        };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_stamp_of_another_shape_or_version_reruns_its_target_and_the_plan_names_the_file(string content, string problem)
    {
        // Arrange
        using var engine = new EngineHarness().Step("Train", d => d.Inputs(i => i.Value("pin", "abc")), output: "train.log");
        engine.Run(["Train"]);
        File.WriteAllText(Path.Combine(engine.Stamps.Directory, "Train.json"), content);

        // Act
        var plan = engine.Plan("Train");
        var results = engine.Run(["Train"]);

        // Assert
        var reason = Assert.Single(plan.Decisions).Because;
        Assert.Matches(@"^stamp .*Train\.json is unreadable \(.+\): running Train again$", reason);
        Assert.Contains(problem, reason);
        Assert.Equal(TargetStatus.Ran, Assert.Single(results).Status);
        Assert.NotNull(engine.Stamps.Read("Train").Stamp);
    }

    [Fact]
    public void A_stamp_written_before_stamps_had_a_version_is_still_read()
    {
        // Arrange
        using var engine = new EngineHarness().Step("Train", d => d.Inputs(i => i.Value("pin", "abc")), output: "train.log");
        engine.Run(["Train"]);
        var path = Path.Combine(engine.Stamps.Directory, "Train.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"version\": 1", "\"unversioned\": 1"));

        // Act
        var results = engine.Run(["Train"]);

        // Assert
        Assert.DoesNotContain("\"version\"", File.ReadAllText(path));
        Assert.Equal(TargetStatus.UpToDate, Assert.Single(results).Status);
    }

    [Fact]
    public void A_stamp_an_earlier_version_wrote_in_PascalCase_still_counts()
    {
        // Arrange
        using var engine = new EngineHarness().Step("Train", d => d.Inputs(i => i.Value("pin", "abc")), output: "train.log");
        engine.Run(["Train"]);
        var path = Path.Combine(engine.Stamps.Directory, "Train.json");
        var camel = File.ReadAllText(path);
        File.WriteAllText(
            path,
            camel
                .Replace("\"version\":", "\"Version\":")
                .Replace("\"target\":", "\"Target\":")
                .Replace("\"inputs\":", "\"Inputs\":")
                .Replace("\"outputs\":", "\"Outputs\":")
                .Replace("\"completed\":", "\"Completed\":")
        );

        // Act
        var results = engine.Run(["Train"]);

        // Assert
        Assert.Contains("\"target\": \"Train\"", camel);
        Assert.Equal(TargetStatus.UpToDate, Assert.Single(results).Status);
    }

    [Fact]
    public void A_stamp_folder_that_is_a_file_is_refused_in_one_line_that_says_it_must_be_a_folder()
    {
        // Arrange
        using var engine = new EngineHarness();
        var stamps = engine.PathOf("stamps");
        File.WriteAllText(stamps, "not a folder");

        // Act
        var error = Assert.Throws<BuildException>(() => WorkLock.Acquire(Path.Combine(stamps, ".lock")));

        // Assert
        Assert.Equal(
            $"{stamps} is a file, but it must be a folder: move or remove it (this run locks {Path.Combine(stamps, ".lock")})",
            error.Message
        );
    }
}
