using System.Globalization;

namespace MaskBench.Stages;

/// <summary>The identity of one training run: an implementation and a repeat number (1-based), so that several runs of
/// one implementation can live side by side (<c>runs/detectron2/1/</c>, <c>runs/detectron2/2/</c>).</summary>
internal sealed record RunKey(string Implementation, int Repeat = 1)
{
    public string Folder => Repeat.ToString(CultureInfo.InvariantCulture);

    /// <summary>For logs, container and job names: <c>detectron2</c> for the first run, <c>detectron2-2</c> for the second.</summary>
    public string Name => Repeat == 1 ? Implementation : $"{Implementation}-{Folder}";

    public override string ToString() => Name;
}
