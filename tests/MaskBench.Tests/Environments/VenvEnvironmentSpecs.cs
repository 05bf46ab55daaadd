using MaskBench.Model.Catalog;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

[Trait(Needs.Trait, Needs.Processes)]
[Collection(Heavy.Processes)]
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
        var nested = await ProcessRunner.RunAsync(
            host,
            ProcessSpec.Of(fake.Root, "env", "python", "-c", "import platform; print(platform.python_version())"),
            new ProcessOptions()
        );

        // Assert
        var debian = File.ReadAllText(Path.Combine(fake.Root, "built.txt"));
        Assert.StartsWith("3.", debian);
        Assert.Equal(debian, nested.StandardOutput.Trim());
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
        var made = await ProcessRunner.RunAsync(FakeTraining.Python, ["-m", "venv", "--without-pip", venv], new ProcessOptions());
        Assert.True(made.Ok, made.Message);
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

    static EnvironmentOptions Options(string interpreter, string state) =>
        new("venv", Paths.Root, interpreter, new Dictionary<string, string>(), null, new Dictionary<string, string>(), state);

    static Recipe Building(params string[] build) =>
        RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Environment = new EnvironmentSpec(null, new Dictionary<string, string>(), build),
        };

    [Theory(Timeout = 60_000)]
    [InlineData("/bin/true")]
    [InlineData("/bin/echo")]
    public async Task A_program_that_is_not_a_Python_is_refused_by_Setup(string program)
    {
        // Arrange
        using var fake = new FakeTraining();

        // Act
        var error = await Assert.ThrowsAsync<RunnerException>(() =>
            EnvironmentSetup.SetupAsync(Building(), fake.Root, Options(program, Path.Combine(fake.Root, "state")))
        );

        // Assert
        Assert.StartsWith($"--python {program}: {program} is not a Python 3 interpreter (", error.Message);
        Assert.EndsWith("name a python3 executable or a virtual environment's folder", error.Message);
    }

    [Fact(Timeout = 90_000)]
    public async Task Setup_builds_in_a_virtual_environment_of_its_own_and_never_installs_into_the_given_interpreter()
    {
        // Arrange: the given interpreter is a virtual environment with a package of its own.
        using var fake = new FakeTraining();
        var given = Path.Combine(fake.Root, "given");
        (await ProcessRunner.RunAsync(FakeTraining.Python, ["-m", "venv", "--without-pip", given], new ProcessOptions())).EnsureSuccess();
        var givenSite = Directory.GetDirectories(Path.Combine(given, "lib"), "site-packages", SearchOption.AllDirectories).Single();
        File.WriteAllText(Path.Combine(givenSite, "given_module.py"), "VALUE = 7\n");
        var state = Path.Combine(fake.Root, "state");
        var recipe = Building(
            "python",
            "-c",
            "import sys, given_module; open('built.txt', 'w').write(sys.prefix + ' ' + str(given_module.VALUE))"
        );

        // Act
        var environment = await EnvironmentSetup.SetupAsync(recipe, fake.Root, Options(given, state));

        // Assert
        var own = Path.Combine(state, "envs", recipe.Id);
        Assert.Equal($"{own} 7", File.ReadAllText(Path.Combine(fake.Root, "built.txt")));
        Assert.Equal(Path.Combine(own, "bin", "python"), environment.Identity.Reference);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_package_added_to_the_interpreter_changes_its_current_identity_and_Setup_refreshes_it()
    {
        // Arrange
        using var fake = new FakeTraining();
        var given = Path.Combine(fake.Root, "given");
        (
            await ProcessRunner.RunAsync(
                FakeTraining.Python,
                ["-m", "venv", "--without-pip", "--system-site-packages", given],
                new ProcessOptions()
            )
        ).EnsureSuccess();
        var options = Options(given, Path.Combine(fake.Root, "state"));
        var before = VenvEnvironment.CurrentIdentity(given);
        var identity = (await EnvironmentSetup.SetupAsync(Building(), fake.Root, options)).Identity;
        var afterSetup = VenvEnvironment.CurrentIdentity(given);
        var site = Directory.GetDirectories(Path.Combine(given, "lib"), "site-packages", SearchOption.AllDirectories).Single();
        var installed = Directory.CreateDirectory(Path.Combine(site, "maskbench_fake-1.0.dist-info")).FullName;
        File.WriteAllText(Path.Combine(installed, "METADATA"), "Metadata-Version: 2.1\nName: maskbench-fake\nVersion: 1.0\n");

        // Act
        var drifted = VenvEnvironment.CurrentIdentity(given);
        var stale = await Assert.ThrowsAsync<RunnerException>(() => EnvironmentSetup.OpenAsync(identity, fake.Root, options));
        var again = (await EnvironmentSetup.SetupAsync(Building(), fake.Root, options)).Identity;
        var reopened = await EnvironmentSetup.OpenAsync(again, fake.Root, options);

        // Assert
        Assert.Equal(before, afterSetup);
        Assert.NotEqual(before, drifted);
        Assert.Contains("run Setup again", stale.Message);
        Assert.Contains("maskbench-fake==1.0", again.Packages);
        Assert.Equal(again, reopened.Identity);
    }
}
