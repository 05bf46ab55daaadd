using CliWrap;
using CliWrap.Buffered;
using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

/// <summary>The workflow's publishing script, run for real against a local bare repository standing in for GitHub.</summary>
public sealed class HistoryPublisherSpecs : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("maskbench-publish-").FullName;

    string Origin => Path.Combine(root, "origin.git");

    async Task<BufferedCommandResult> Bash(string directory, string script, int runId = 1)
    {
        var result = await Cli.Wrap("bash")
            .WithArguments(["-c", script])
            .WithWorkingDirectory(directory)
            .WithEnvironmentVariables(env =>
                env.Set("HOME", root)
                    .Set("DATA_BRANCH", "benchmark-data")
                    .Set("RUNNER_TEMP", Directory.CreateTempSubdirectory("runner-temp-").FullName)
                    .Set("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
                    .Set("GITHUB_RUN_ID", runId.ToString())
                    .Set("GIT_AUTHOR_NAME", "t")
                    .Set("GIT_AUTHOR_EMAIL", "t@t.invalid")
                    .Set("GIT_COMMITTER_NAME", "t")
                    .Set("GIT_COMMITTER_EMAIL", "t@t.invalid")
            )
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return result;
    }

    /// <summary>A fresh checkout of the origin's main branch with one history file in its artifacts.</summary>
    async Task<string> Checkout(string name, string record)
    {
        var checkout = Path.Combine(root, name);
        var clone = await Bash(root, $"git clone --quiet {Origin} {name}");
        Assert.True(clone.IsSuccess, clone.StandardError);
        var file = Path.Combine(checkout, "artifacts", "history", "8xV100-drv535", "detectron2", record);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "{}\n");
        return checkout;
    }

    async Task<string> DataBranchFiles() =>
        (await Bash(root, $"git --git-dir={Origin} ls-tree -r --name-only benchmark-data")).StandardOutput.Trim();

    [Fact]
    public async Task Two_runners_append_their_history_to_the_data_branch_and_a_rejected_push_is_retried()
    {
        // Arrange: an origin with a main branch, and a hook that rejects the first push to the data branch.
        await Bash(
            root,
            $"git init --quiet --bare --initial-branch=main {Origin} && git clone --quiet {Origin} seed && cd seed && echo x > README && git add README && git commit --quiet -m seed && git push --quiet origin HEAD:refs/heads/main"
        );
        var hook = Path.Combine(Origin, "hooks", "pre-receive");
        File.WriteAllText(
            hook,
            $"#!/bin/sh\nif [ -f {root}/rejected-once ]; then exit 0; fi\ntouch {root}/rejected-once\necho 'simulated race' >&2\nexit 1\n"
        );
        await Bash(root, $"chmod +x {hook}");
        var first = await Checkout("runner-a", "20260101T000000000Z-aaaaaaaaaaaa-r1.json");
        var second = await Checkout("runner-b", "20260102T000000000Z-bbbbbbbbbbbb-r1.json");

        // Act
        var a = await Bash(first, HistoryPublisher.Script, runId: 1);
        var b = await Bash(second, HistoryPublisher.Script, runId: 2);
        var again = await Bash(second, HistoryPublisher.Script, runId: 3);

        // Assert
        Assert.True(a.IsSuccess, a.StandardOutput + a.StandardError);
        Assert.Contains("push 1 rejected", a.StandardOutput);
        Assert.True(b.IsSuccess, b.StandardOutput + b.StandardError);
        Assert.Equal(
            "history/8xV100-drv535/detectron2/20260101T000000000Z-aaaaaaaaaaaa-r1.json\nhistory/8xV100-drv535/detectron2/20260102T000000000Z-bbbbbbbbbbbb-r1.json",
            await DataBranchFiles()
        );
        Assert.True(again.IsSuccess, again.StandardOutput + again.StandardError);
        Assert.Contains("no new runs to publish", again.StandardOutput);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
