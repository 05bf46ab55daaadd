using MaskBench.Foundation.Files;
using MaskBench.Stages.Train;
using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Files;

/// <summary>The one JSON form of MaskBench's files (<see cref="JsonFiles"/>), and the PascalCase files that versions
/// before it wrote for stamps, journals and jobs, which must still read.</summary>
public sealed class JsonFilesSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-json-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void A_file_is_written_with_camelCase_names_enum_names_and_a_final_newline()
    {
        // Arrange
        var path = Path.Combine(folder, "image.json");

        // Act
        JsonFiles.Write(path, new JobImage(JobContainerKind.Pyxis, "/images/a.sqsh"));

        // Assert
        Assert.Equal("{\n  \"kind\": \"pyxis\",\n  \"image\": \"/images/a.sqsh\"\n}\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_an_earlier_version_wrote_in_PascalCase_reads_as_the_same_value()
    {
        // Arrange
        var earlier = """{ "Kind": "Pyxis", "Image": "/images/a.sqsh" }""";
        var numbered = """{ "Kind": 2, "Image": "/images/a.sqsh" }""";

        // Act
        var read = JsonFiles.Parse<JobImage>(earlier);
        var readNumbered = JsonFiles.Parse<JobImage>(numbered);

        // Assert
        Assert.Equal(new JobImage(JobContainerKind.Pyxis, "/images/a.sqsh"), read);
        Assert.Equal(JobContainerKind.Pyxis, readNumbered.Kind);
    }

    [Fact]
    public void A_live_training_an_earlier_version_recorded_still_names_its_output()
    {
        // Arrange: the entry as versions before the one JSON form wrote it (PascalCase, no final newline)
        var live = Directory.CreateDirectory(Path.Combine(folder, "live")).FullName;
        File.WriteAllText(
            Path.Combine(live, "fake-1.json"),
            """
            {
              "Run": "fake-1",
              "Mark": "fake-0123",
              "ProcessGroup": null,
              "Container": null,
              "Engine": null,
              "EngineVariables": {},
              "Command": "train.py",
              "Owner": 1,
              "OwnerStart": 0,
              "Started": "2026-01-01T00:00:00+00:00",
              "Output": "/work/runs/fake/1.partial/output"
            }
            """
        );

        // Act
        var outputs = LiveTrainings.Outputs(live);

        // Assert
        Assert.Equal(["/work/runs/fake/1.partial/output"], outputs);
    }

    [Fact]
    public void A_stamp_input_keeps_the_form_earlier_stamps_recorded()
    {
        // Act
        var text = JsonFiles.Fingerprint(new { Mode = "watch", Kind = JobContainerKind.Pyxis });

        // Assert: member names as declared, enums as numbers, one line
        Assert.Equal($$"""{"Mode":"watch","Kind":{{(int)JobContainerKind.Pyxis}}}""", text);
    }
}
