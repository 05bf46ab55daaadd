using MaskBench.Model.Catalog;
using MaskBench.Stages.Train;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

[Trait(Needs.Trait, Needs.Podman)]
[Collection(Heavy.Processes)]
public class ContainerEnvironmentSpecs
{
    static Recipe TestRecipe(IReadOnlyList<string> build) =>
        RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Id = "container-test",
            Environment = new EnvironmentSpec(
                "environments/test/Dockerfile",
                new Dictionary<string, string> { ["greeting"] = "from-the-recipe" },
                build
            ),
        };

    [PodmanFact(Timeout = 180_000)]
    public async Task Setup_builds_the_image_with_the_stack_compiles_into_the_source_and_trains_in_a_container()
    {
        // Arrange
        using var fake = new FakeTraining();
        var source = Directory.CreateDirectory(Path.Combine(fake.Root, "source")).FullName;
        var recipe = TestRecipe(["python3", "-c", "open('built.txt', 'w').write(open('/etc/maskbench-greeting').read())"]);
        var options = Podman.Options(Path.Combine(fake.Root, "state")) with
        {
            Stack = new Dictionary<string, string> { ["greeting"] = "overridden" },
        };

        // Act
        var environment = await EnvironmentSetup.SetupAsync(recipe, source, options);
        var reopened = await EnvironmentSetup.OpenAsync(environment.Identity, source, options);
        var host = reopened.Host(new HostRequest([fake.Root, Path.GetDirectoryName(FakeTraining.Script)!], 0));
        string[] trainer =
        [
            "--format",
            "plain",
            "--time",
            "0.02",
            "--sleep-scale",
            "1",
            "--iterations",
            "100000",
            "--output",
            fake.Output,
            "--ignore-sigint",
        ];
        var outcome = await Trainer.TrainAsync(
            fake.Request([], host: host, command: ["python3", FakeTraining.Script, .. trainer]) with
            {
                ProbeMachine = true,
            }
        );

        // Assert
        Assert.Equal("overridden\n", File.ReadAllText(Path.Combine(source, "built.txt")));
        Assert.Matches("^(sha256:)?[0-9a-f]{64}$", environment.Identity.Id);
        Assert.StartsWith("3.11", environment.Identity.Python);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("window", outcome.StopReason);
        Assert.Equal("", await Podman.ListedAfterRemovalAsync("label=maskbench=run"));
        var manifest = File.ReadAllText(Path.Combine(outcome.RunDirectory, "manifest.json"));
        Assert.Contains("\"python\": \"3.11.2\"", manifest);
        Assert.Contains("podman maskbench/container-test:env-", manifest);
    }

    [PodmanFact]
    public async Task A_stack_entry_the_Dockerfile_does_not_take_is_named_with_the_arguments_it_takes()
    {
        // Arrange
        using var fake = new FakeTraining();
        var options = Podman.Options(fake.Root) with { Stack = new Dictionary<string, string> { ["cudaa"] = "11.8" } };

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => EnvironmentSetup.SetupAsync(TestRecipe([]), fake.Root, options));

        // Assert
        Assert.Contains("'cudaa'", error.Message);
        Assert.Contains("ARG CUDAA is missing", error.Message);
        Assert.Contains("GREETING", error.Message);
    }

    [Fact]
    public void Every_recipe_stack_entry_is_a_build_argument_of_its_Dockerfile()
    {
        // Arrange
        var catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

        // Act
        var problems = catalog
            .All.SelectMany(recipe =>
            {
                var dockerfile = Paths.Repository(recipe.Environment.Recipe!);
                try
                {
                    StackArguments.For(recipe, dockerfile, new Dictionary<string, string>());
                    return Array.Empty<string>();
                }
                catch (RunnerException e)
                {
                    return [e.Message];
                }
            })
            .ToList();

        // Assert
        Assert.Empty(problems);
        Assert.Equal(catalog.All.Count, catalog.All.Count(r => File.Exists(Paths.Repository(r.Environment.Recipe!))));
    }

    [PodmanFact]
    public async Task Opening_an_environment_whose_image_is_gone_says_to_run_Setup_again()
    {
        // Arrange
        var identity = new EnvironmentIdentity("podman", "sha256:0000", "maskbench/gone:env-000000000000", "3.7", []);

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() =>
            EnvironmentSetup.OpenAsync(identity, ".", Podman.Options(Path.GetTempPath()))
        );

        // Assert
        Assert.Contains("run Setup again", error.Message);
    }
}
