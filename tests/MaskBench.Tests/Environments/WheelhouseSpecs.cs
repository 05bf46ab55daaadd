using MaskBench.Model.Catalog;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>The wheels file and the wheelhouse Setup checks before any build.</summary>
public sealed class WheelhouseSpecs : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("maskbench-wheelhouse-spec-").FullName;

    const string Commit = "db26e416f19d3df0ff25c602fc1d03d0a5d624bb";

    string WheelsFile(params string[] lines)
    {
        var file = Path.Combine(root, "current.wheels");
        File.WriteAllLines(file, ["# a comment", "", .. lines]);
        return file;
    }

    [Fact]
    public void Every_line_names_the_version_the_repository_and_the_commit_and_a_bad_line_is_named_with_its_number()
    {
        // Arrange
        var good = WheelsFile($"fvcore==0.1.1 facebookresearch/fvcore@{Commit}", $"pycocotools==2.0.8 ppwwyyxx/cocoapi@{Commit}:PythonAPI");

        // Act
        var pins = Wheelhouse.Read(good);
        var bad = WheelsFile("yacs>=0.1 rbgirshick/yacs@main");
        var error = Assert.Throws<RunnerException>(() => Wheelhouse.Read(bad));

        // Assert
        Assert.Equal(
            [
                new WheelPin("fvcore", "0.1.1", "facebookresearch/fvcore", Commit, ""),
                new WheelPin("pycocotools", "2.0.8", "ppwwyyxx/cocoapi", Commit, "PythonAPI"),
            ],
            pins
        );
        Assert.Equal($"{bad}:3: give 'name==version owner/repo@commit[:subdir]', not 'yacs>=0.1 rbgirshick/yacs@main'", error.Message);
    }

    [Fact]
    public void Setup_refuses_a_wheelhouse_missing_a_pinned_wheel_naming_it_and_the_command_that_fills_it()
    {
        // Arrange: the wheelhouse has fvcore (its name as pip normalises it) but not yacs
        var wheels = WheelsFile($"fvcore==0.1.1 facebookresearch/fvcore@{Commit}", $"yacs==0.1.7 rbgirshick/yacs@{Commit}");
        var house = Directory.CreateDirectory(Path.Combine(root, "house")).FullName;
        File.WriteAllText(Path.Combine(house, "fvcore-0.1.1-py3-none-any.whl"), "");
        File.WriteAllText(Path.Combine(house, "yacs-0.1.6-py3-none-any.whl"), "");
        var recipe = RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json")) with
        {
            Environment = new EnvironmentSpec("env.Dockerfile", new Dictionary<string, string>(), []) { Wheels = wheels },
        };
        var options = Podman.Options(Path.Combine(root, "state")) with { Root = root, Wheelhouse = house };

        // Act
        var error = Assert.Throws<RunnerException>(() => Wheelhouse.Contexts(recipe, options));
        File.WriteAllText(Path.Combine(house, "yacs-0.1.7-py3-none-any.whl"), "");
        var contexts = Wheelhouse.Contexts(recipe, options);

        // Assert
        Assert.Equal(
            $"{wheels}: the wheelhouse {house} lacks yacs==0.1.7: fill it with ./build.sh Wheelhouse-Detectron2 --stacks current (add --git-mirror DIR where no package index answers), or pass --wheelhouse DIR",
            error.Message
        );
        Assert.Equal(house, contexts["wheelhouse"]);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
