using MaskBench.Model.Catalog;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

public class BaseResolverSpecs
{
    static readonly string Digest = "sha256:" + new string('c', 64);
    static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    static ImageLock Lock(string lines)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("maskbench-lock-").FullName, "base-images.lock");
        File.WriteAllText(file, "# images\n" + lines);
        return ImageLock.Read(file);
    }

    [Fact]
    public void Setup_builds_a_public_base_from_the_digest_the_lock_pins()
    {
        // Arrange
        var locked = Lock($"ubuntu:18.04 {Digest}\n");
        var text = "ARG UBUNTU_IMAGE=ubuntu:18.04\nFROM ${UBUNTU_IMAGE}\nRUN true\n";

        // Act
        var resolved = BaseResolver.Resolve("cuda10.Dockerfile", text, None, locked, None);

        // Assert
        Assert.Equal($"ARG UBUNTU_IMAGE=ubuntu:18.04\nFROM ubuntu:18.04@{Digest}\nRUN true\n", resolved.Text);
        Assert.Equal($"ubuntu:18.04@{Digest} (lock)", Assert.Single(resolved.Bases).ToString());
    }

    [Fact]
    public void A_public_base_the_lock_does_not_list_is_refused_with_the_line_to_add()
    {
        // Arrange
        var locked = Lock($"ubuntu:18.04 {Digest}\n");
        var text = "ARG BASE=ubuntu:18.04\nFROM ${BASE}\n";
        var arguments = new Dictionary<string, string> { ["BASE"] = "debian:12" };

        // Act
        var refused = Assert.Throws<RunnerException>(() => BaseResolver.Resolve("env.Dockerfile", text, arguments, locked, None));

        // Assert
        Assert.Equal(
            $"env.Dockerfile: FROM debian:12 is not in {locked.File}: add the line 'debian:12 <digest>' (./build.sh Check prints the digest its tag has today), or build it as the stack's base",
            refused.Message
        );
    }

    [Fact]
    public void An_unpinned_base_builds_from_its_tag_and_is_named_as_unpinned()
    {
        // Arrange
        var locked = Lock("nvcr.io/nvidia/tensorflow:23.03-tf1-py3 UNPINNED\n");

        // Act
        var resolved = BaseResolver.Resolve(
            "current.Dockerfile",
            File.ReadAllText(Paths.Repository("environments", "tensorpack", "current.Dockerfile")),
            None,
            locked,
            None
        );

        // Assert
        var only = Assert.Single(resolved.Bases);
        Assert.True(only.Unpinned);
        Assert.Equal("nvcr.io/nvidia/tensorflow:23.03-tf1-py3 (UNPINNED)", only.ToString());
    }

    [Fact]
    public void A_digest_written_in_the_Dockerfile_that_the_lock_contradicts_is_refused()
    {
        // Arrange
        var locked = Lock($"ubuntu:18.04 {Digest}\n");
        var other = "sha256:" + new string('d', 64);

        // Act
        var refused = Assert.Throws<RunnerException>(() =>
            BaseResolver.Resolve("x.Dockerfile", $"FROM ubuntu:18.04@{other}\n", None, locked, None)
        );

        // Assert
        Assert.Contains($"but {locked.File} pins ubuntu:18.04 at {Digest}", refused.Message);
    }

    [Fact]
    public void Later_stages_of_a_multi_stage_Dockerfile_are_left_as_they_are()
    {
        // Arrange
        var text = "FROM maskbench/cuda-torch:x AS stack\nRUN true\nFROM stack\nCOPY --from=stack /a /b\n";
        var built = new Dictionary<string, string> { ["maskbench/cuda-torch:x"] = "sha256:1 from base.Dockerfile" };

        // Act
        var resolved = BaseResolver.Resolve("d2.Dockerfile", text, None, Lock(""), built);

        // Assert
        Assert.Equal(text, resolved.Text);
        Assert.Equal("maskbench/cuda-torch:x (built sha256:1 from base.Dockerfile)", Assert.Single(resolved.Bases).ToString());
    }

    [Theory]
    [MemberData(nameof(PageRecipes))]
    public void Every_page_recipe_builds_its_base_on_the_locked_ubuntu_and_its_image_on_that_base(string id)
    {
        // Arrange
        var loaded = RecipeLoader.Load(Paths.Repository("recipes", $"{id}.json"));
        var recipe = StackSelection.Select(loaded, StackSelection.Page).ApplyTo(loaded);
        var stackBase = recipe.Environment.Base!;
        var locked = ImageLock.Read(Paths.Repository("environments", "base-images.lock"));
        var built = new Dictionary<string, string> { [stackBase.Image] = "sha256:1" };
        var dockerfile = Paths.Repository(recipe.Environment.Recipe!.Split('/'));

        // Act
        var under = BaseResolver.Resolve(
            "base",
            File.ReadAllText(Paths.Repository(stackBase.Recipe.Split('/'))),
            stackBase.Arguments!,
            locked,
            None
        );
        var image = BaseResolver.Resolve("env", File.ReadAllText(dockerfile), StackArguments.For(recipe, dockerfile, None), locked, built);

        // Assert
        Assert.Equal($"ubuntu:18.04@{locked.Digest("ubuntu:18.04")} (lock)", Assert.Single(under.Bases).ToString());
        Assert.Equal($"{stackBase.Image} (built sha256:1)", Assert.Single(image.Bases).ToString());
    }

    public static TheoryData<string> PageRecipes() =>
        new(["detectron", "detectron2", "maskrcnn-benchmark", "matterport", "mmdetection", "simpledet", "tensorpack"]);
}
