using MaskBench.Model.Catalog;
using MaskBench.Tests.Running;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>Setup's image chain with podman for real: a stack base built from its recipe on the local debootstrap
/// image (scripts/install-test-deps.sh), the implementation's image on that base, the lock checked before any build.</summary>
[Trait(Needs.Trait, Needs.Podman)]
[Collection(Heavy.Processes)]
public sealed class ImageChainSpecs : IDisposable
{
    readonly FakeTraining fake = new();
    readonly string baseTag = $"maskbench/chain-spec-base:{Guid.NewGuid():N}"[..40];

    string Root => fake.Root;

    string Source => Directory.CreateDirectory(Path.Combine(Root, "source")).FullName;

    void Write(string lockDigest)
    {
        File.WriteAllText(
            Path.Combine(Root, "base.Dockerfile"),
            $"ARG PARENT={Podman.TestImage}\nFROM ${{PARENT}}\nARG LAYER=none\nRUN echo \"${{LAYER}}\" > /etc/base-layer && ln -sf /usr/bin/python3 /usr/local/bin/python\n"
        );
        File.WriteAllText(
            Path.Combine(Root, "env.Dockerfile"),
            $"ARG BASE={baseTag}\nFROM ${{BASE}}\nARG GREETING=hi\nRUN echo \"${{GREETING}}\" > /etc/greeting\n"
        );
        Directory.CreateDirectory(Path.Combine(Root, "environments"));
        File.WriteAllText(Path.Combine(Root, "environments", "base-images.lock"), $"{Podman.TestImage} {lockDigest}\n");
    }

    Recipe Recipe(string layer) =>
        RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Id = "chain-spec",
            Environment = new EnvironmentSpec(
                "env.Dockerfile",
                new Dictionary<string, string> { ["greeting"] = "from-the-recipe" },
                ["python3", "-c", "open('built.txt', 'w').write(open('/etc/base-layer').read() + open('/etc/greeting').read())"]
            )
            {
                Base = new BaseImageSpec("base.Dockerfile", baseTag, new Dictionary<string, string> { ["LAYER"] = layer }),
            },
        };

    EnvironmentOptions Options => Podman.Options(Path.Combine(Root, "state")) with { Root = Root };

    static async Task<string> TestImageDigestAsync() =>
        (await Podman.RunAsync("image", "inspect", "--format", "{{.Digest}}", Podman.TestImage)).Trim();

    [PodmanFact(Timeout = 300_000)]
    public async Task Setup_builds_the_stack_base_from_its_recipe_then_the_image_on_it_from_the_locked_digest()
    {
        // Arrange
        var digest = await TestImageDigestAsync();
        Write(digest);

        // Act
        var environment = await EnvironmentSetup.SetupAsync(Recipe("one"), Source, Options);

        // Assert
        Assert.Equal("one\nfrom-the-recipe\n", File.ReadAllText(Path.Combine(Source, "built.txt")));
        Assert.Equal(
            [$"{Podman.TestImage}@{digest} (lock)", $"{baseTag} (built "],
            environment.Identity.Bases!.Select(b => b.StartsWith(baseTag, StringComparison.Ordinal) ? b[..(baseTag.Length + 8)] : b)
        );
        Assert.Contains(" from base.Dockerfile)", environment.Identity.Bases![1]);
        Assert.Equal("none", environment.Identity.Facts["environment.unpinned"]);
    }

    [PodmanFact(Timeout = 300_000)]
    public async Task A_changed_base_rebuilds_the_implementation_image_on_it()
    {
        // Arrange
        Write(await TestImageDigestAsync());
        var first = await EnvironmentSetup.SetupAsync(Recipe("one"), Source, Options);

        // Act
        var second = await EnvironmentSetup.SetupAsync(Recipe("two"), Source, Options);

        // Assert
        Assert.Equal("two\nfrom-the-recipe\n", File.ReadAllText(Path.Combine(Source, "built.txt")));
        Assert.NotEqual(first.Identity.Reference, second.Identity.Reference);
        Assert.NotEqual(first.Identity.Id, second.Identity.Id);
        Assert.NotEqual(first.Identity.Bases![1], second.Identity.Bases![1]);
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task A_lock_digest_the_local_base_does_not_have_is_refused_before_any_build()
    {
        // Arrange
        var wrong = "sha256:" + new string('0', 64);
        Write(wrong);

        // Act
        var refused = await Assert.ThrowsAsync<RunnerException>(() => EnvironmentSetup.SetupAsync(Recipe("one"), Source, Options));

        // Assert
        Assert.Contains($"{Podman.TestImage} here is localhost/maskbench-test-python@sha256:", refused.Message);
        Assert.Contains(
            $"pins {Podman.TestImage}@{wrong}: pull {Podman.TestImage}@{wrong}, or record the digest you trust in the lock",
            refused.Message
        );
        Assert.False(await Podman.ExistsAsync(baseTag));
    }

    public void Dispose()
    {
        Podman.RemoveImages("*chain-spec*");
        fake.Dispose();
    }
}
