using MaskBench.Engine;
using MaskBench.Foundation.Files;
using Serilog;

namespace MaskBench.Stages.Data;

/// <summary>Generates the small synthetic COCO-format dataset that <c>--coco synthetic</c> trains on.</summary>
internal sealed class DataStage(StageContext context)
{
    public const string Name = StageNames.Data;

    public static string Description => "Generate the small synthetic COCO-format dataset that --coco synthetic uses";

    public void Declare(FingerprintBuilder inputs) =>
        inputs.Parameter("SyntheticImages", context.Settings.SyntheticImages).Value("generator", nameof(SyntheticCoco) + " 2");

    public TargetOutput Output => TargetOutput.Directory(context.Workspace.SyntheticCoco);

    /// <summary>Called with the count of images written, after each (the specs cancel from it).</summary>
    public Action<int>? OnImage { get; init; }

    /// <summary>Generates into <c>synthetic-coco.partial</c> and moves it into place only when complete; a cancelled
    /// or failed generation removes the partial folder and leaves no dataset that looks finished.</summary>
    public Task RunAsync(CancellationToken cancellation) => Task.Run(() => Run(cancellation), cancellation);

    void Run(CancellationToken cancellation)
    {
        var folder = context.Workspace.SyntheticCoco;
        var staging = folder + ".partial";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        try
        {
            new SyntheticCoco(Images: context.Settings.SyntheticImages).Write(staging, cancellation, OnImage);
        }
        catch
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
            throw;
        }
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        Directory.Move(staging, folder);
        Log.Information(
            "Wrote {Images} synthetic images and their annotations to {Folder}",
            context.Settings.SyntheticImages,
            Shown.Path(folder)
        );
    }
}
