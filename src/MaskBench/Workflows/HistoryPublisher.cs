namespace MaskBench.Workflows;

/// <summary>
/// The shell script that appends the run's new history files to the data branch: a worktree of the branch (an orphan
/// branch the first time), the files copied without overwriting any (records are append-only, so two runners' pushes
/// never conflict), one commit, and a push retried on a rebase when another runner pushed first.
/// Reads <c>DATA_BRANCH</c>, <c>RUNNER_TEMP</c>, <c>GITHUB_SHA</c> and <c>GITHUB_RUN_ID</c>.
/// </summary>
internal static class HistoryPublisher
{
    public const string Script = """
        set -euo pipefail
        data="$RUNNER_TEMP/benchmark-data"
        git config --global user.name "github-actions[bot]"
        git config --global user.email "41898282+github-actions[bot]@users.noreply.github.com"
        if git fetch --no-tags origin "refs/heads/$DATA_BRANCH"; then
          git worktree add --detach "$data" FETCH_HEAD
        else
          git worktree add --detach "$data"
          git -C "$data" checkout --quiet --orphan "$DATA_BRANCH"
          git -C "$data" rm -r --quiet --force .
        fi
        mkdir -p "$data/history"
        if [ -d artifacts/history ]; then cp -R -n artifacts/history/. "$data/history/"; fi
        cd "$data"
        git add history
        if git diff --cached --quiet; then echo "no new runs to publish"; exit 0; fi
        git commit --quiet -m "history: runs of ${GITHUB_SHA:0:12} (workflow run $GITHUB_RUN_ID)"
        for attempt in 1 2 3; do
          if git push origin "HEAD:refs/heads/$DATA_BRANCH"; then exit 0; fi
          echo "push $attempt rejected: rebasing on the data branch"
          if git fetch --no-tags origin "refs/heads/$DATA_BRANCH"; then git rebase FETCH_HEAD; fi
        done
        echo "could not push the history to $DATA_BRANCH after 3 tries" >&2
        exit 1
        """;

    /// <summary>The script as a YAML block scalar's lines, indented under <c>run: |</c>.</summary>
    public static string Indented(int spaces) => WorkflowSteps.Indent(Script, spaces);
}
