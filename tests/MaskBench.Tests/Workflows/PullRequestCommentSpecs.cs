using CliWrap;
using CliWrap.Buffered;
using MaskBench.Workflows;

namespace MaskBench.Tests.Workflows;

/// <summary>The comment job's script, run for real with a stand-in <c>gh</c> that answers the comment list from a
/// file through jq (as <c>gh api --jq</c> does) and records every call.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public sealed class PullRequestCommentSpecs : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("maskbench-comment-").FullName;

    const string FakeGh = """
        #!/usr/bin/env bash
        echo "$*" >> "$ROOT/calls"
        for arg in "$@"; do case "$arg" in body=@*) cp "${arg#body=@}" "$ROOT/body";; esac; done
        if [[ " $* " == *" --paginate "* ]]; then jq -r "${@: -1}" "$ROOT/comments.json"; fi
        """;

    async Task<BufferedCommandResult> Comment(string existingComments)
    {
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        File.WriteAllText(Path.Combine(root, "bin", "gh"), FakeGh);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(Path.Combine(root, "bin", "gh"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(root, "comments.json"), existingComments);
        File.WriteAllText(Path.Combine(root, "artifacts", "compare.md"), "| implementation | verdict |\n| detectron2 | slower |\n");
        return await Cli.Wrap("bash")
            .WithArguments(["-c", PullRequestComment.Script])
            .WithWorkingDirectory(root)
            .WithEnvironmentVariables(env =>
                env.Set("PATH", $"{Path.Combine(root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}")
                    .Set("ROOT", root)
                    .Set("PR", "7")
                    .Set("GITHUB_REPOSITORY", "octo/maskbench")
            )
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
    }

    string[] Calls => File.ReadAllLines(Path.Combine(root, "calls"));

    [Fact]
    public async Task A_pull_request_without_the_comment_gets_one_with_compare_md()
    {
        // Act: the pull request has someone else's comment only
        var result = await Comment("""[{ "id": 11, "body": "looks good" }]""");

        // Assert
        Assert.True(result.IsSuccess, result.StandardOutput + result.StandardError);
        Assert.Equal(2, Calls.Length);
        Assert.Equal("api repos/octo/maskbench/issues/7/comments -F body=@comment.md", Calls[1]);
        Assert.Equal(
            $"{PullRequestComment.Marker}\n| implementation | verdict |\n| detectron2 | slower |\n",
            File.ReadAllText(Path.Combine(root, "body"))
        );
    }

    [Fact]
    public async Task A_later_run_updates_the_comment_it_made_instead_of_adding_one()
    {
        // Act: the earlier run's comment (found by its marker) among others
        var result = await Comment(
            $$"""[{ "id": 11, "body": "mentions {{PullRequestComment.Marker}} later" }, { "id": 42, "body": "{{PullRequestComment.Marker}}\nold table" }]"""
        );

        // Assert
        Assert.True(result.IsSuccess, result.StandardOutput + result.StandardError);
        Assert.Equal(2, Calls.Length);
        Assert.Equal("api -X PATCH repos/octo/maskbench/issues/comments/42 -F body=@comment.md", Calls[1]);
        Assert.Contains("updated comment 42", result.StandardOutput);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
