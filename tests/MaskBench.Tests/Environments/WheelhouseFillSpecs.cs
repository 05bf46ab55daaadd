using LibGit2Sharp;
using MaskBench.Model.Catalog;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>The wheelhouse filled from a git mirror with podman for real, in the stack's base, then installed from
/// with no index by Setup, which reads the stand-in the base carries.</summary>
[Trait(Needs.Trait, Needs.Podman)]
[Collection(Heavy.Processes)]
public sealed class WheelhouseFillSpecs : IDisposable
{
    readonly FakeTraining fake = new();
    readonly string baseTag = $"maskbench/wheel-spec-base:{Guid.NewGuid():N}"[..40];

    string Root => fake.Root;

    string Mirror => Path.Combine(Root, "mirror");

    string House => Path.Combine(Root, "house");

    /// <summary>A public repository as a mirror holds it: <c>mirror/maskbench/toy</c>, one commit of a setup.py package.</summary>
    string MirrorCommit()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Mirror, "maskbench", "toy")).FullName;
        File.WriteAllText(
            Path.Combine(folder, "setup.py"),
            "from setuptools import setup\nsetup(name='mb_toy', version='0.3', py_modules=['mb_toy'])\n"
        );
        File.WriteAllText(Path.Combine(folder, "mb_toy.py"), "VALUE = 42\n");
        Repository.Init(folder);
        using var repository = new Repository(folder);
        Commands.Stage(repository, "*");
        var author = new Signature("MaskBench Tests", "tests@maskbench.invalid", DateTimeOffset.FromUnixTimeSeconds(1_600_000_000));
        return repository.Commit("toy", author, author).Sha;
    }

    async Task<Recipe> ArrangeAsync()
    {
        var commit = MirrorCommit();
        File.WriteAllText(Path.Combine(Root, "toy.wheels"), $"# the spec's one wheel\nmb-toy==0.3 maskbench/toy@{commit}\n");
        File.WriteAllText(
            Path.Combine(Root, "base.Dockerfile"),
            $"FROM {Podman.TestImage}\nRUN mkdir -p {ExtensionProbe.StandInFolder} && echo 'the spec base stands in for a library' > {ExtensionProbe.StandInFolder}/toy && ln -sf /usr/bin/python3 /usr/local/bin/python\n"
        );
        File.WriteAllText(
            Path.Combine(Root, "env.Dockerfile"),
            $"FROM {baseTag}\nRUN --mount=type=bind,from=wheelhouse,target=/wheelhouse python3 -m pip install --no-index --no-deps --break-system-packages --find-links /wheelhouse mb-toy==0.3\n"
        );
        Directory.CreateDirectory(Path.Combine(Root, "environments"));
        var digest = (await Podman.RunAsync("image", "inspect", "--format", "{{.Digest}}", Podman.TestImage)).Trim();
        File.WriteAllText(Path.Combine(Root, "environments", "base-images.lock"), $"{Podman.TestImage} {digest}\n");
        return RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Id = "wheel-spec",
            Environment = new EnvironmentSpec(
                "env.Dockerfile",
                new Dictionary<string, string>(),
                ["python3", "-c", "import mb_toy; open('built.txt', 'w').write(str(mb_toy.VALUE))"]
            )
            {
                Base = new BaseImageSpec("base.Dockerfile", baseTag, null),
                Wheels = "toy.wheels",
            },
        };
    }

    EnvironmentOptions Options => Podman.Options(Path.Combine(Root, "state")) with { Root = Root, Wheelhouse = House };

    [PodmanFact(Timeout = 300_000)]
    public async Task A_wheelhouse_filled_from_a_git_mirror_is_what_Setup_installs_with_no_index()
    {
        // Arrange
        var recipe = await ArrangeAsync();
        var source = Directory.CreateDirectory(Path.Combine(Root, "source")).FullName;

        // Act
        var filled = await WheelhouseFill.RunAsync(recipe, Options, Mirror, null, CancellationToken.None);
        var again = await WheelhouseFill.RunAsync(recipe, Options, Mirror, null, CancellationToken.None);
        var environment = await EnvironmentSetup.SetupAsync(recipe, source, Options);

        // Assert
        Assert.Equal(["mb-toy==0.3"], filled);
        Assert.Empty(again);
        Assert.Single(Directory.GetFiles(House, "mb_toy-0.3-*.whl"));
        Assert.Equal("42", File.ReadAllText(Path.Combine(source, "built.txt")));
        Assert.Equal(["toy: the spec base stands in for a library"], environment.Identity.StandIns);
        Assert.Equal("not read", environment.Identity.Facts["environment.architectures"]);
    }

    public void Dispose()
    {
        Podman.RemoveImages("*wheel-spec*");
        fake.Dispose();
    }
}
