using MaskBench.Datasets;
using MaskBench.Engine;
using MaskBench.Files;
using Serilog;

namespace MaskBench.Build;

partial class Build
{
    const string SyntheticCoco = "synthetic";

    [Parameter("Images in the synthetic COCO dataset that --coco synthetic trains on. Default: 16")]
    readonly int SyntheticImages = 16;

    Target Data =>
        _ =>
            _.Description("Generate the small synthetic COCO-format dataset that --coco synthetic uses")
                .Inputs(i =>
                    i.Parameter(nameof(SyntheticImages), SyntheticImages).Value("generator", nameof(Datasets.SyntheticCoco) + " 1")
                )
                .Produces(TargetOutput.Directory(SyntheticDirectory))
                .Executes(GenerateData);

    string SyntheticDirectory => Path.Combine(WorkDirectory, "data", "synthetic-coco");

    /// <summary>The COCO folder recipes train on: the synthetic one, the one given, or a clear error.</summary>
    string CocoDirectory =>
        Coco == SyntheticCoco ? SyntheticDirectory
        : Coco is not null ? Resolve(Coco)
        : throw new BuildException(
            "no dataset: give --coco DIR (COCO 2017, see README), or --coco synthetic for a smoke run on generated data"
        );

    void GenerateData()
    {
        var staging = SyntheticDirectory + ".partial";
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
        new Datasets.SyntheticCoco(Images: SyntheticImages).Write(staging);
        if (Directory.Exists(SyntheticDirectory))
            Directory.Delete(SyntheticDirectory, recursive: true);
        Directory.Move(staging, SyntheticDirectory);
        Log.Information(
            "Wrote {Images} synthetic images and their annotations to {Folder}",
            SyntheticImages,
            Shown.Path(SyntheticDirectory)
        );
    }
}
