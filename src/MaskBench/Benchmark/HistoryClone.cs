using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Tools.Git;

namespace MaskBench.Benchmark;

/// <summary>A bare clone of an implementation's whole repository (<c>&lt;work&gt;/&lt;id&gt;/history.git</c>), fetched
/// again on each use: Bisect and Track ask it which commits lie between two, and which are newest on a branch.</summary>
static class HistoryClone
{
    public static async Task<string> EnsureAsync(StageContext context, Recipe recipe, CancellationToken cancellation)
    {
        var folder = context.Workspace.HistoryClone(recipe.Id);
        var remote = RemoteLocator.Locate(recipe.Source, context.Settings.GitMirror, context.Workspace.Root);
        var fresh = !File.Exists(Path.Combine(folder, "HEAD"));
        if (fresh)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
            var temporary = folder + ".partial";
            if (Directory.Exists(temporary))
                Directory.Delete(temporary, recursive: true);
            var clone = await GitCli.Run(context.Workspace.Work, ["clone", "--bare", "--quiet", "--", remote, temporary], cancellation);
            if (!clone.Ok)
                throw new ChainException(
                    $"cannot clone {remote} for {recipe.Id}'s history ({clone.Error}): check the repository or --git-mirror"
                );
            Directory.Move(temporary, folder);
            return folder;
        }
        var fetch = await GitCli.Run(
            folder,
            ["fetch", "--quiet", "--prune", "--", remote, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"],
            cancellation
        );
        if (!fetch.Ok)
            throw new ChainException($"cannot fetch {remote} into {folder} ({fetch.Error}): check the repository, or delete {folder}");
        return folder;
    }
}
