using MaskBench.Catalog;
using MaskBench.Environments;
using MaskBench.Running;
using MaskBench.Tests.Running;

namespace MaskBench.Tests.Environments;

[Collection("processes")]
public class VenvEnvironmentSpecs
{
    [Fact(Timeout = 60_000)]
    public async Task The_venv_provider_runs_python_as_the_named_interpreter_also_inside_scripts()
    {
        // Arrange
        using var fake = new FakeTraining();
        var recipe = RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Environment = new EnvironmentSpec(
                null,
                new Dictionary<string, string>(),
                ["python", "-c", "import platform; open('built.txt', 'w').write(platform.python_version())"]
            ),
        };
        var options = new EnvironmentOptions(
            "venv",
            Paths.Root,
            "/usr/bin/python3",
            new Dictionary<string, string>(),
            null,
            new Dictionary<string, string>(),
            Path.Combine(fake.Root, "state")
        );

        // Act
        var environment = await EnvironmentSetup.SetupAsync(recipe, fake.Root, options);
        var host = environment.Host(new HostRequest([], 0));
        var nested = await ShortCommand.TryRunAsync(
            host,
            ProcessSpec.Of(fake.Root, "env", "python", "-c", "import platform; print(platform.python_version())"),
            "nested",
            TimeSpan.FromSeconds(30)
        );

        // Assert
        var debian = File.ReadAllText(Path.Combine(fake.Root, "built.txt"));
        Assert.StartsWith("3.", debian);
        Assert.Equal(debian, nested!.StandardOutput.Trim());
        Assert.Equal("venv", environment.Identity.Provider);
        Assert.StartsWith(debian, environment.Identity.Python);
        Assert.NotEmpty(environment.Identity.Packages);
    }

    [Fact]
    public void A_missing_interpreter_is_named_with_the_fix()
    {
        // Act
        var error = Assert.Throws<RunnerException>(() => VenvEnvironment.Interpreter("/nowhere/bin/python"));

        // Assert
        Assert.Contains("--python /nowhere/bin/python", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Opening_a_venv_whose_packages_changed_since_Setup_asks_for_Setup_again()
    {
        // Arrange
        using var fake = new FakeTraining();
        var venv = Path.Combine(fake.Root, "venv");
        var made = await ShortCommand.TryRunAsync(FakeTraining.Python, ["-m", "venv", "--without-pip", venv]);
        Assert.True(made is { Ok: true }, made?.StandardError);
        var recipe = RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Environment = new EnvironmentSpec(null, new Dictionary<string, string>(), []),
        };
        var options = new EnvironmentOptions(
            "venv",
            Paths.Root,
            venv,
            new Dictionary<string, string>(),
            null,
            new Dictionary<string, string>(),
            Path.Combine(fake.Root, "state")
        );
        var identity = (await EnvironmentSetup.SetupAsync(recipe, fake.Root, options)).Identity;
        var unchanged = await EnvironmentSetup.OpenAsync(identity, fake.Root, options);
        var sitePackages = Directory.GetDirectories(Path.Combine(venv, "lib"), "site-packages", SearchOption.AllDirectories).Single();
        var installed = Directory.CreateDirectory(Path.Combine(sitePackages, "maskbench_fake-1.0.dist-info")).FullName;
        File.WriteAllText(Path.Combine(installed, "METADATA"), "Metadata-Version: 2.1\nName: maskbench-fake\nVersion: 1.0\n");

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() => EnvironmentSetup.OpenAsync(identity, fake.Root, options));

        // Assert
        Assert.Equal(identity, unchanged.Identity);
        Assert.Contains("the interpreter's packages changed since Setup", error.Message);
        Assert.Contains("run Setup again", error.Message);
    }
}
