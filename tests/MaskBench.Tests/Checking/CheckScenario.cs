using MaskBench.Model.Catalog;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Checking;

/// <summary>A throw-away MaskBench root holding one recipe whose references point where the test says: a source
/// repository, a Dockerfile (an image, a git dependency, a URL, an apt pin), a constraints file, a weights URL.</summary>
sealed class CheckScenario : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("maskbench-check-").FullName;

    public Recipe Write(
        string repository,
        string pin,
        string image,
        string? lockedDigest,
        (string Repository, string Commit) dependency,
        string downloadUrl,
        string weightsUrl,
        params string[] constraints
    )
    {
        Directory.CreateDirectory(Path.Combine(Root, "recipes"));
        Directory.CreateDirectory(Path.Combine(Root, "environments", "fixture"));
        File.WriteAllText(
            Path.Combine(Root, "environments", "fixture", "Dockerfile"),
            $"""
            ARG BASE={image}
            FROM ${"{"}BASE{"}"}
            ARG PYTHON=3.7
            ARG LIB_REPOSITORY={dependency.Repository}
            ARG LIB_COMMIT={dependency.Commit}
            ARG TOOL_URL={downloadUrl}
            ARG CUDNN=7.6.5.32
            RUN apt-get install -y libcudnn7=${"{"}CUDNN{"}"}-1+cuda10.1 \
                  git
            """
        );
        File.WriteAllText(
            Path.Combine(Root, "environments", "fixture", "constraints.txt"),
            string.Join("\n", ["# pins", .. constraints]) + "\n"
        );
        File.WriteAllText(Path.Combine(Root, "environments", "base-images.lock"), $"# lock\n{image} {lockedDigest ?? "UNPINNED"}\n");

        var recipe = JObject.Parse(File.ReadAllText(Paths.Repository("recipes", "detectron2.json")));
        recipe["id"] = "fixture";
        recipe["source"] = JObject.FromObject(
            new
            {
                repository,
                pin,
                reference = (string?)null,
                mirror = "fixture/fixture",
            }
        );
        recipe["environment"] = JObject.FromObject(
            new
            {
                recipe = "environments/fixture/Dockerfile",
                stack = new Dictionary<string, string> { ["python"] = "3.7" },
                build = Array.Empty<string>(),
            }
        );
        recipe["stacks"] = JObject.Parse(
            """
            { "page": { "architectures": ["sm_70"], "constraints": "environments/fixture/constraints.txt" },
              "current": { "unavailable": "no verified path yet: the fixture has none" } }
            """
        );
        recipe["weights"] = JArray.FromObject(
            new[]
            {
                new
                {
                    name = "w.pkl",
                    url = weightsUrl,
                    sha256 = (string?)null,
                    path = "{weights}/w.pkl",
                },
            }
        );
        var file = Path.Combine(Root, "recipes", "fixture.json");
        File.WriteAllText(file, recipe.ToString());
        return RecipeLoader.Load(file);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
