using System.Collections;
using MaskBench.Engine;
using MaskBench.Tests.Snapshots;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.BuildScript;

[Trait(Needs.Trait, Needs.Processes)]
public class GeneratedFileSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task The_committed_generated_files_are_the_ones_the_build_declares()
    {
        // Arrange
        using var build = new BuildScript();

        // Act: --check compares and writes nothing
        var result = await build.Run("Generate", "--check");

        // Assert
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("The generated files are current", result.StandardOutput);
        Snapshot.Match("build.schema", await File.ReadAllTextAsync(Paths.Repository(".nuke", "build.schema.json")), "json");
    }

    [Fact]
    public void The_committed_workflow_is_the_one_the_build_declares()
    {
        // Arrange
        var declared = MaskBench.Build.Build.Workflow.Render();

        // Act
        var committed = File.ReadAllText(Paths.Repository(".github", "workflows", "ci.yml"));

        // Assert
        Assert.Equal(declared, committed);
        Assert.Contains("fetch-depth: 0", declared);
        Snapshot.Match("ci.workflow", declared, "yml");
    }

    [Fact(Timeout = 120_000)]
    public async Task A_drifted_generated_file_is_detected_and_only_Generate_rewrites_it()
    {
        // Arrange: a copy of the checkout's declaration with a hand edit in the workflow
        using var build = new BuildScript();
        var root = Path.Combine(build.Work, "root");
        CopyFolder(Paths.Repository("recipes"), Path.Combine(root, "recipes"));
        CopyFolder(Paths.Repository(".nuke"), Path.Combine(root, ".nuke"), except: "temp");
        CopyFolder(Paths.Repository(".github"), Path.Combine(root, ".github"));
        var workflow = Path.Combine(root, ".github", "workflows", "ci.yml");
        File.WriteAllText(workflow, File.ReadAllText(Paths.Repository(".github", "workflows", "ci.yml")) + "# a hand edit\n");

        // Act
        var help = await build.Run("--help", "--root", root);
        var check = await build.Run("Generate", "--check", "--root", root);
        var driftAfterCheck = File.ReadAllText(workflow).Contains("# a hand edit");
        var generate = await build.Run("Generate", "--root", root);
        var checkAgain = await build.Run("Generate", "--check", "--root", root);

        // Assert
        Assert.Equal(0, help.ExitCode);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(
            ".github/workflows/ci.yml differs from what the build declares: run ./build.sh Generate and commit the result",
            check.StandardOutput
        );
        Assert.True(driftAfterCheck, "--help or --check rewrote the workflow");
        Assert.Equal(0, generate.ExitCode);
        Assert.Contains("Wrote .github/workflows/ci.yml", generate.StandardOutput);
        Assert.Equal(MaskBench.Build.Build.Workflow.Render(), File.ReadAllText(workflow));
        Assert.Equal(0, checkAgain.ExitCode);
    }

    [Fact]
    public void Every_key_the_schema_offers_is_a_parameter_the_build_accepts_from_a_parameter_file()
    {
        // Arrange
        var schema = JObject.Parse(File.ReadAllText(Paths.Repository(".nuke", "build.schema.json")));
        var offered = ((JObject)schema["properties"]!).Properties().Where(p => p.Name != "$schema").ToList();
        var parameters = BuildParameter.Of(typeof(MaskBench.Build.Build));
        var folder = Directory.CreateTempSubdirectory("maskbench-schema-").FullName;

        try
        {
            // Act: each key alone, with a value of the type the schema gives it
            var refused = new List<string>();
            foreach (var key in offered)
            {
                File.WriteAllText(
                    Path.Combine(folder, "parameters.json"),
                    new JObject { [key.Name] = Sample((JObject)key.Value) }.ToString()
                );
                try
                {
                    ParameterBinder.Bind(
                        new MaskBench.Build.Build(),
                        parameters,
                        CommandLine.Parse([]),
                        ParameterFiles.Load(folder, []),
                        new Hashtable(),
                        folder
                    );
                }
                catch (BuildException e)
                {
                    refused.Add(e.Message);
                }
            }

            // Assert
            Assert.Empty(refused);
            Assert.Equal(parameters.Select(p => p.Name).Order(), offered.Select(p => p.Name).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A value the schema allows for a key: its first choice, or a value of its type within its bounds.</summary>
    static JToken Sample(JObject property) =>
        property["enum"] is JArray choices
            ? choices[0]
            : (string?)property["type"] switch
            {
                "array" => new JArray(property["items"]?["pattern"] is null ? "one" : "key=value"),
                "integer" => Math.Max(1, (int?)property["minimum"] ?? 1),
                "number" => Math.Max(1.5, (double?)property["minimum"] ?? 1.5),
                "boolean" => true,
                _ => property["pattern"] is null ? "a-text" : "90m",
            };

    static void CopyFolder(string from, string to, string? except = null)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) != except))
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }
}
