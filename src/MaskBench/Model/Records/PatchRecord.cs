using MaskBench.Foundation.Files;
using Newtonsoft.Json;

namespace MaskBench.Model.Records;

/// <summary><c>patch-report.json</c>: what Patch did to the clean checkout, and when.</summary>
internal sealed record PatchRecord(PatchReport Report, DateTimeOffset Made)
{
    public void Write(string path) => JsonFiles.Write(path, this);

    public static PatchRecord Read(string path)
    {
        try
        {
            return File.Exists(path) && JsonFiles.ParseOrNull<PatchRecord>(File.ReadAllText(path)) is { Report: { } } record
                ? record
                : throw new MaskBenchException($"no patch record at {Shown.Path(path)}: run Patch first");
        }
        catch (JsonException e)
        {
            throw new MaskBenchException($"{Shown.Path(path)} is not a patch record ({e.Message.Split('\n')[0]}): run Patch again");
        }
    }
}
