using CliWrap;
using CliWrap.Buffered;
using MaskBench.Stages.Setup.Check;
using MaskBench.Tests.Git;

namespace MaskBench.Tests.Checking;

/// <summary>Git pins over a local <c>git daemon</c> on a free loopback port: a commit, a tag, an abbreviation.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public class GitDaemonSpecs
{
    [Fact(Timeout = 120_000)]
    public async Task A_tag_or_an_abbreviated_pin_is_unpinned_and_the_fix_names_the_commit()
    {
        // Arrange
        using var upstream = new UpstreamFixture();
        var tip = upstream.Commit("one", ("a.txt", "1"));
        await Cli.Wrap("git").WithArguments(["-C", upstream.Upstream, "tag", "-a", "v1.0", "-m", "v1.0"]).ExecuteAsync();
        var port = LocalRegistry.FreePort();
        using var stop = new CancellationTokenSource();
        var daemon = Cli.Wrap("git")
            .WithArguments([
                "daemon",
                "--export-all",
                $"--base-path={upstream.Root}",
                "--listen=127.0.0.1",
                $"--port={port}",
                "--reuseaddr",
                upstream.Root,
            ])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(stop.Token);
        var url = $"git://127.0.0.1:{port}/upstream";
        await WaitForAsync(url);
        var options = new CheckOptions(upstream.Root);
        Reference Git(string pin) => new("fixture", "git", url, pin, "environments/fixture/Dockerfile");

        try
        {
            // Act
            var byHash = await Probe(Git(tip), options);
            var tag = await Probe(Git("refs/tags/v1.0"), options);
            var noTag = await Probe(Git("refs/tags/v9.9"), options);
            var abbreviated = await Probe(Git(tip[..8]), options);

            // Assert
            Assert.Equal(CheckStatus.Ok, byHash.Status);
            Assert.Equal(
                (CheckStatus.Unpinned, $"a tag, not a commit: pin {tip} (what refs/tags/v1.0 names today)"),
                (tag.Status, tag.Fix)
            );
            Assert.Equal(CheckStatus.Missing, noTag.Status);
            Assert.Equal((CheckStatus.Unpinned, $"abbreviated: pin the full hash {tip}"), (abbreviated.Status, abbreviated.Fix));
        }
        finally
        {
            stop.Cancel();
            try
            {
                await daemon;
            }
            catch (OperationCanceledException) { }
        }
    }

    static async Task<CheckResult> Probe(Reference reference, CheckOptions options)
    {
        using var http = new Http(options, CancellationToken.None);
        return await GitProbe.RunAsync(reference, http, options);
    }

    static async Task WaitForAsync(string url)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (
            (
                await Cli.Wrap("git").WithArguments(["ls-remote", url]).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync()
            ).ExitCode != 0
        )
        {
            if (DateTime.UtcNow > until)
                throw new InvalidOperationException($"git daemon did not answer at {url} within 20 s");
            await Task.Delay(100);
        }
    }
}
