using MaskBench.Foundation.Files;
using MaskBench.Tools.Slurm;
using Newtonsoft.Json;

namespace MaskBench.Stages;

/// <summary>Everything a training needs, as plain data: an executor can hand it to another machine (as
/// <c>job.json</c>), where <c>TrainJobRunner</c> reopens the recipe, the environment Setup recorded and the data.</summary>
internal sealed record TrainJob(Workspace Workspace, BenchmarkSettings Settings, RunKey Run)
{
    /// <summary>The container the node runs the training in (<c>--slurm-container</c>); null: the environment Setup
    /// recorded, opened as on a local host.</summary>
    public JobImage? Container { get; init; }

    public void Write(string path) => JsonFiles.Write(path, this);

    /// <summary>The job as <c>job.json</c>'s text.</summary>
    public string Text() => JsonFiles.Text(this);

    public static TrainJob Read(string path)
    {
        try
        {
            return JsonFiles.ParseOrNull<TrainJob>(File.ReadAllText(path)) is { Workspace: { }, Settings: { }, Run: { } } job
                ? job
                : throw new ChainException($"{path} is not a training job: it lacks workspace, settings or run");
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new ChainException($"{path} is not a readable training job ({e.Message.Split('\n')[0]})");
        }
    }
}
