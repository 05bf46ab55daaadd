using MaskBench.Stages.Setup.Check;
using MaskBench.Tests.Git;

namespace MaskBench.Tests.Checking;

/// <summary>Check against stand-ins on loopback: Debian's docker-registry with an image podman pushed, a package
/// index and download server (HttpListener), a local git repository.</summary>
[Trait(Needs.Trait, Needs.Registry)]
public class CheckSpecs(LocalRegistry registry) : IClassFixture<LocalRegistry>
{
    const string BigFile = "/files/weights.pkl";

    static PackageIndex Index() =>
        new(
            new Dictionary<string, (string, byte[])>
            {
                ["/pypi/numpy/1.18.5/json"] = PackageIndex.Release("1.18.5", ">=3.5", "numpy-1.18.5-cp37-cp37m-manylinux1_x86_64.whl"),
                ["/pypi/pycocotools/2.0.2/json"] = PackageIndex.Release("2.0.2", null, "pycocotools-2.0.2.tar.gz"),
                ["/pypi/winonly/1.0/json"] = PackageIndex.Release("1.0", null, "winonly-1.0-cp37-cp37m-win_amd64.whl"),
                ["/pypi/newer/2.0/json"] = PackageIndex.Release("2.0", ">=3.8", "newer-2.0-py3-none-any.whl"),
                ["/simple/numpy/"] = PackageIndex.Json(
                    """{"meta":{"api-version":"1.1"},"name":"numpy","versions":["1.18.4","1.18.5","1.19.0"],"files":[]}"""
                ),
                ["/tools/get-pip.py"] = ("text/plain", new byte[1000]),
                [BigFile] = ("application/octet-stream", new byte[4 * 1024 * 1024]),
            }
        );

    [Fact(Timeout = 120_000)]
    public async Task A_user_sees_each_reference_resolved_with_its_status_and_fix()
    {
        // Arrange
        using var upstream = new UpstreamFixture();
        var old = upstream.Commit("one", ("a.txt", "1"));
        var tip = upstream.Commit("two", ("a.txt", "2"));
        using var index = Index();
        using var scenario = new CheckScenario();
        var recipe = scenario.Write(
            $"file://{upstream.Upstream}",
            tip,
            LocalRegistry.Image,
            registry.Digest,
            ($"file://{upstream.Upstream}", old),
            new Uri(index.Url, "tools/get-pip.py").ToString(),
            new Uri(index.Url, BigFile.TrimStart('/')).ToString(),
            "numpy==1.18.5",
            "pycocotools==2.0.2",
            "winonly==1.0",
            "newer==2.0",
            "numpy==9.9.9",
            "nosuch==1.0",
            "torch==1.5.0+cu101",
            "tqdm>=4"
        );
        var options = Options(scenario.Root, index.Url, registry.Url);

        // Act
        var report = await RecipeCheck.RunAsync([recipe], options);

        // Assert
        var table = report.ToTable();
        Assert.True(report.Failed, table);
        Assert.Equal(CheckStatus.Ok, Status(report, "git", tip));
        Assert.Contains("fetched by its hash", Result(report, "git", old).Fix);
        Assert.Contains("fetched by its hash", Result(report, "git", tip).Fix);
        Assert.Equal(CheckStatus.Ok, Status(report, "image", LocalRegistry.Image));
        Assert.Equal(CheckStatus.Ok, Status(report, "pip", "numpy==1.18.5"));
        Assert.Contains("sdist", Result(report, "pip", "pycocotools==2.0.2").Fix);
        Assert.Equal(CheckStatus.Missing, Status(report, "pip", "winonly==1.0"));
        Assert.Contains("needs Python >=3.8", Result(report, "pip", "newer==2.0").Fix);
        Assert.Contains("near it: 1.18.4, 1.18.5, 1.19.0", Result(report, "pip", "numpy==9.9.9").Fix);
        Assert.Contains("no package 'nosuch'", Result(report, "pip", "nosuch==1.0").Fix);
        Assert.Equal(CheckStatus.NotChecked, Status(report, "pip", "torch==1.5.0+cu101"));
        Assert.Equal(CheckStatus.Unpinned, Status(report, "pip", "tqdm>=4"));
        Assert.Equal(CheckStatus.NotChecked, Status(report, "apt", "libcudnn7 @ 7.6.5.32-1+cuda10.1"));
        Assert.Contains("no sha256 recorded", Result(report, "url", "weights.pkl").Fix);
        Assert.Equal(CheckStatus.Ok, Status(report, "url", "get-pip.py"));
        Assert.Matches(@"\d+ references: .*KiB received", table);
    }

    [Fact(Timeout = 120_000)]
    public async Task Check_downloads_no_wheel_image_or_weights_file()
    {
        // Arrange
        using var upstream = new UpstreamFixture();
        var old = upstream.Commit("one", ("a.txt", "1"));
        var tip = upstream.Commit("two", ("a.txt", "2"));
        using var index = Index();
        using var scenario = new CheckScenario();
        var recipe = scenario.Write(
            $"file://{upstream.Upstream}",
            tip,
            LocalRegistry.Image,
            registry.Digest,
            ($"file://{upstream.Upstream}", old),
            new Uri(index.Url, "tools/get-pip.py").ToString(),
            new Uri(index.Url, BigFile.TrimStart('/')).ToString(),
            "numpy==1.18.5"
        );

        // Act
        var report = await RecipeCheck.RunAsync([recipe], Options(scenario.Root, index.Url, registry.Url));

        // Assert: HEAD only for files; the image's manifest only, never its layer
        Assert.False(report.Failed, report.ToTable());
        Assert.DoesNotContain($"GET {BigFile}", index.Requests);
        Assert.All(report.Results, r => Assert.True(r.Bytes < 16 * 1024, $"{r.Reference.Shown}: {r.Bytes} bytes"));
        Assert.True(Result(report, "image", LocalRegistry.Image).Bytes < registry.ImageBytes / 50);
        WriteMeasurement(report);
    }

    [Fact(Timeout = 120_000)]
    public async Task A_moved_tag_a_gone_digest_and_a_gone_commit_are_named()
    {
        // Arrange
        using var upstream = new UpstreamFixture();
        var tip = upstream.Commit("one", ("a.txt", "1"));
        using var index = Index();
        using var scenario = new CheckScenario();
        var gone = "sha256:" + new string('0', 64);
        var recipe = scenario.Write(
            $"file://{upstream.Upstream}",
            new string('1', 40),
            LocalRegistry.Image,
            gone,
            ($"file://{upstream.Upstream}", tip),
            new Uri(index.Url, "tools/get-pip.py").ToString(),
            new Uri(index.Url, "files/gone.pkl").ToString()
        );

        // Act
        var report = await RecipeCheck.RunAsync([recipe], Options(scenario.Root, index.Url, registry.Url));

        // Assert
        Assert.Equal(CheckStatus.Missing, Status(report, "git", new string('1', 40)));
        var image = Result(report, "image", LocalRegistry.Image);
        Assert.Equal(CheckStatus.Missing, image.Status);
        Assert.Contains(registry.Digest, image.Fix);
        Assert.Equal(CheckStatus.Missing, Status(report, "url", "gone.pkl"));
        Assert.Contains("HTTP 404", Result(report, "url", "gone.pkl").Fix);
    }

    [Fact(Timeout = 120_000)]
    public async Task An_unpinned_image_gets_the_digest_to_write_in_the_lock()
    {
        // Arrange
        using var upstream = new UpstreamFixture();
        var tip = upstream.Commit("one", ("a.txt", "1"));
        using var index = Index();
        using var scenario = new CheckScenario();
        var recipe = scenario.Write(
            $"file://{upstream.Upstream}",
            tip,
            LocalRegistry.Image,
            null,
            ($"file://{upstream.Upstream}", tip),
            new Uri(index.Url, "tools/get-pip.py").ToString(),
            new Uri(index.Url, BigFile.TrimStart('/')).ToString()
        );

        // Act
        var report = await RecipeCheck.RunAsync([recipe], Options(scenario.Root, index.Url, registry.Url));

        // Assert
        var image = Result(report, "image", LocalRegistry.Image);
        Assert.Equal(CheckStatus.Unpinned, image.Status);
        Assert.Contains($"the tag points to {registry.Digest}: write it after tiny:1 in environments/base-images.lock", image.Fix);
        Assert.False(report.Failed);
    }

    internal static CheckOptions Options(string root, Uri index, Uri registry) =>
        new(root)
        {
            PackageIndex = index,
            Registries = new Dictionary<string, Uri> { ["docker.io"] = registry },
            ProbeTimeout = TimeSpan.FromSeconds(10),
        };

    static CheckResult Result(CheckReport report, string kind, string shown) =>
        report.Results.SingleOrDefault(r => r.Reference.Kind == kind && r.Reference.Shown.Contains(shown, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no {kind} row for {shown} in\n{report.ToTable()}");

    static CheckStatus Status(CheckReport report, string kind, string shown) => Result(report, kind, shown).Status;

    /// <summary>scripts/bench-check.sh reads the table (with the bytes per reference) from here.</summary>
    static void WriteMeasurement(CheckReport report)
    {
        if (Environment.GetEnvironmentVariable("MASKBENCH_CHECK_MEASURE") is { Length: > 0 } file)
            File.WriteAllLines(
                file,
                report.Results.Select(r => $"{r.Reference.Kind}\t{r.Reference.Shown}\t{r.Status.ToString().ToLowerInvariant()}\t{r.Bytes}")
            );
    }
}
