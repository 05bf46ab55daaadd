using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Stages;

namespace MaskBench.Benchmark;

/// <summary>A probe's stamps, in its commit's work area: what each stage's result depended on when it last succeeded
/// (the stage's declared inputs), so that a bisect or track run again skips what it has already done there.</summary>
sealed class ProbeStamps(string folder)
{
    /// <summary>Whether <paramref name="stage"/> succeeded for <paramref name="step"/> with the inputs it declares now.</summary>
    public bool Fresh(ChainStage stage, Step step)
    {
        var path = PathOf(stage, step);
        return File.Exists(path) && File.ReadAllText(path) == Inputs(stage, step);
    }

    /// <summary>Records a success; a stage that fails, or is run again, loses its stamp first.</summary>
    public void Done(ChainStage stage, Step step) => AtomicFile.WriteAllText(PathOf(stage, step), Inputs(stage, step));

    public void Forget(ChainStage stage, Step step)
    {
        if (Directory.Exists(folder))
            File.Delete(PathOf(stage, step));
    }

    static string Inputs(ChainStage stage, Step step)
    {
        var inputs = new FingerprintBuilder();
        stage.Declare(inputs, step);
        return JsonFiles.Fingerprint(inputs.Build(), indented: true);
    }

    string PathOf(ChainStage stage, Step step) => Path.Combine(folder, stage.Name(step) + ".probe.json");
}
