using MaskBench.Catalog;
using MaskBench.Environments;
using MaskBench.History;
using MaskBench.Parsing;
using MaskBench.Running;
using Newtonsoft.Json.Linq;
using Serilog;

namespace MaskBench.Chain;

/// <summary>Appends a parsed run to the history (one JSON file, never rewritten), keyed by the machine that trained it,
/// the commit and tree it measured, its environment and stack, and MaskBench's own version.</summary>
public static class HistoryEntry
{
    public static async Task AppendAsync(
        Workspace workspace,
        BenchmarkSettings settings,
        Recipe recipe,
        RunKey run,
        ThroughputResult result,
        CancellationToken cancellation
    )
    {
        var manifest = JObject.Parse(await File.ReadAllTextAsync(workspace.RunFile(run, Workspace.ManifestName), cancellation));
        var patch = PatchRecord.Read(workspace.PatchRecord(recipe.Id)).Report;
        var environment = EnvironmentIdentityFile.Read(workspace.EnvironmentRecord(recipe.Id)).Hash;
        var date = await RunIdentity.CommitDateOf(workspace.Source(recipe.Id), patch.BaseCommit, cancellation);
        var trained = (DateTimeOffset?)manifest["end"] ?? DateTimeOffset.UtcNow;
        var record = History.RunRecords.From(
            MachineKey.Of(Gpus(manifest)),
            recipe.Id,
            new RunIdentity(patch.BaseCommit, patch.TreeHash, date, environment, settings.StackName),
            MaskBenchVersion.Of(workspace.Root),
            result,
            "unknown",
            run.Folder,
            trained
        );
        var store = new HistoryStore(workspace.History);
        if (
            store
                .ReadAll()
                .Records.Any(r => r.Implementation == record.Implementation && r.Run == record.Run && r.Recorded == record.Recorded)
        )
        {
            Log.Debug("{Run} is in the history already", run);
            return;
        }
        Log.Information("{Run}: appended to the history at {File}", run, store.Append(record));
    }

    /// <summary>The GPUs the manifest read on the machine that trained; null on a CPU run.</summary>
    static GpuFacts? Gpus(JObject manifest) =>
        manifest["gpu"] is JObject gpu
            ? new GpuFacts([.. gpu["models"]?.Values<string>().OfType<string>() ?? []], (string?)gpu["driver"], (string?)gpu["cuda"])
            : null;
}
