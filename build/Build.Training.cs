using MaskBench.Catalog;
using MaskBench.Environments;
using MaskBench.Parsing;
using MaskBench.Running;
using Newtonsoft.Json.Linq;

namespace MaskBench.Build;

partial class Build
{
    async Task TrainModel(Recipe recipe)
    {
        var coco = CocoDirectory;
        DataCheck.Ensure(recipe, coco);
        var environment = await EnvironmentSetup.OpenAsync(
            EnvironmentIdentityFile.Read(EnvironmentRecord(recipe)),
            Source(recipe),
            EnvironmentOptions,
            Cancellation
        );
        await WeightsCache.EnsureAsync(recipe, WeightsDirectory, Source(recipe), cancellation: Cancellation);
        var output = OutputFolder.Fresh(Path.Combine(WorkDirectory, "outputs"), recipe.Id);
        var host = environment.Host(new HostRequest([coco, WeightsDirectory, output], Gpus));
        DataLayout.Link(recipe, Source(recipe), coco);
        await DataLayout.PrepareAsync(recipe, host, Source(recipe), coco, Cancellation);

        var values = PlaceholderValues(recipe, output);
        var images = ImagesPerIteration(recipe);
        var process = new ProcessSpec(
            TrainCommand(recipe, output),
            Path.Combine(Source(recipe), recipe.WorkingDirectory),
            recipe.Variables.ToDictionary(v => v.Key, v => Placeholders.Fill(v.Value, values))
        );
        var request = new TrainRequest(
            recipe.Id,
            process,
            host,
            LogFormats.Get(recipe.Log.Format).Watch(Window, images),
            recipe.Log.Stream,
            StopPolicy.For(recipe.Stop.Mode),
            recipe.Failures,
            Window,
            images,
            Path.Combine(ArtifactsDirectory, "runs"),
            output,
            recipe.Log.PreciseFile,
            TrainTimeout,
            Facts(recipe, environment.Identity)
        );
        var outcome = await Trainer.TrainAsync(request, Cancellation);
        if (!outcome.Succeeded)
            throw new Engine.BuildException(outcome.Message);
    }

    /// <summary>What the run's manifest records beside what the runner reads itself.</summary>
    Dictionary<string, string> Facts(Recipe recipe, EnvironmentIdentity identity)
    {
        var written = JObject.Parse(File.ReadAllText(PatchReport(recipe)));
        var patch = written["report"] ?? written;
        var facts = new Dictionary<string, string>(identity.Facts)
        {
            ["implementation"] = recipe.Id,
            ["repository"] = Repository(recipe),
            ["commit"] = (string?)patch["BaseCommit"] ?? "",
            ["tree"] = (string?)patch["TreeHash"] ?? "",
            ["gpus"] = Gpus.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["window"] = Window.ToString(),
            ["images per iteration"] = ImagesPerIteration(recipe).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in Settings(recipe))
            facts[$"setting {key}"] = value;
        return facts;
    }
}
