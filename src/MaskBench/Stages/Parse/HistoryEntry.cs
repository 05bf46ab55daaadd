using MaskBench.History;
using MaskBench.Model;
using MaskBench.Model.Catalog;
using MaskBench.Model.Records;
using MaskBench.Tools.Environments;
using Serilog;

namespace MaskBench.Stages.Parse;

/// <summary>Appends a parsed run to the history (one JSON file, never rewritten), keyed by the machine that trained it,
/// the commit and tree it measured, its environment and stack, and MaskBench's own version.</summary>
internal static class HistoryEntry
{
    public static async Task AppendAsync(
        Workspace workspace,
        BenchmarkSettings settings,
        Recipe recipe,
        RunKey run,
        RunRecord parsed,
        CancellationToken cancellation
    )
    {
        var manifest =
            ManifestFacts.Read(workspace.Run(run))
            ?? throw new ChainException($"{run}: no {RunFiles.Manifest} in {workspace.Run(run)}: nothing says where it trained");
        var patch = PatchRecord.Read(workspace.PatchRecord(recipe.Id)).Report;
        var environment = EnvironmentIdentityFile.Read(workspace.EnvironmentRecord(recipe.Id)).Hash;
        var date = await RunIdentity.CommitDateOf(workspace.Source(recipe.Id), patch.BaseCommit, cancellation);
        var record = MaskBench.History.HistoryRecordOf.From(
            MachineKey.Of(manifest.Gpus),
            recipe.Id,
            new RunIdentity(patch.BaseCommit, patch.TreeHash, date, environment, settings.StackName),
            MaskBenchVersion.Of(workspace.Root),
            parsed.Result!,
            parsed.GpuOutcome,
            run.Folder,
            manifest.End ?? DateTimeOffset.UtcNow,
            parsed.Key
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
}
