using MaskBench.Model.Catalog;
using MaskBench.Stages.Setup.Check;
using MaskBench.Stages.Train;
using MaskBench.Tools.Environments;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Checking;

/// <summary>Which stack an implementation is built on, and the preflight that refuses a stack on a GPU it has no
/// code for, with a stand-in nvidia-smi (a script written by the test) answering as a V100, an A100 or an H100.</summary>
public class StackSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    static readonly string[] Page =
    [
        "detectron2",
        "maskrcnn-benchmark",
        "mmdetection",
        "tensorpack",
        "simpledet",
        "detectron",
        "matterport",
    ];

    /// <summary>A folder holding a script named nvidia-smi that answers the capability query for <paramref name="gpus"/>
    /// GPUs of one model, the way the driver prints it.</summary>
    static string NvidiaSmi(string folder, string model, string capability, int gpus = 2)
    {
        var path = Path.Combine(folder, "nvidia-smi");
        var rows = string.Concat(Enumerable.Repeat($"echo '{model}, {capability}'\n", gpus));
        var names = string.Concat(Enumerable.Repeat($"echo '{model}, 535.104.05'\n", gpus));
        File.WriteAllText(
            path,
            $"#!/bin/sh\ncase \"$1\" in\n  --query-gpu=name,compute_cap) {rows};;\n  --query-gpu=*) {names};;\n  *) echo 'CUDA Version: 12.2';;\nesac\n"
        );
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    static IReadOnlyList<StackDemand> Demands(string stack) =>
        Page.Select(id => new StackDemand(id, StackSelection.Select(Catalog.Get(id), stack))).ToList();

    [Theory(Timeout = 60_000)]
    [InlineData("NVIDIA A100-SXM4-80GB", "8.0", "sm_80")]
    [InlineData("NVIDIA H100 80GB HBM3", "9.0", "sm_90")]
    public async Task The_page_stack_is_refused_on_an_Ampere_or_Hopper_GPU_in_one_line(string model, string capability, string architecture)
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-smi-").FullName;
        var request = new PreflightRequest(2, null, [])
        {
            NvidiaSmi = NvidiaSmi(folder, model, capability),
            Stacks = Demands(StackSelection.Page),
        };

        // Act
        var problems = await Preflight.CheckAsync(request);

        // Assert
        var line = Assert.Single(problems);
        Assert.DoesNotContain('\n', line);
        Assert.Contains($"cannot run on {model} (compute capability {capability}, {architecture}", line);
        Assert.Contains("pass --stacks current", line);
        Assert.All(Page, id => Assert.Contains(id, line));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_page_stack_runs_on_a_V100()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-smi-").FullName;
        var request = new PreflightRequest(2, null, [])
        {
            NvidiaSmi = NvidiaSmi(folder, "Tesla V100-SXM2-16GB", "7.0"),
            Stacks = Demands(StackSelection.Page),
        };

        // Act
        var problems = await Preflight.CheckAsync(request);

        // Assert
        Assert.Empty(problems);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_current_stacks_run_on_an_H100_and_the_implementations_without_one_are_not_refused_there()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-smi-").FullName;
        var request = new PreflightRequest(1, null, [])
        {
            NvidiaSmi = NvidiaSmi(folder, "NVIDIA H100 80GB HBM3", "9.0"),
            Stacks = Demands(StackSelection.Current),
        };

        // Act
        var problems = await Preflight.CheckAsync(request);
        var capabilities = await MachineFacts.CapabilitiesAsync(request.NvidiaSmi);

        // Assert
        Assert.Empty(problems);
        Assert.Equal([new GpuCapability("NVIDIA H100 80GB HBM3", "9.0"), new GpuCapability("NVIDIA H100 80GB HBM3", "9.0")], capabilities);
    }

    [Fact]
    public void An_implementation_with_no_current_stack_says_why_instead_of_failing_at_Setup()
    {
        // Act
        var stacks = Page.ToDictionary(id => id, id => StackSelection.Select(Catalog.Get(id), StackSelection.Current));

        // Assert: the NGC TF1 containers carry tensorpack and matterport, Debian trixie's CUDA PyTorch detectron2 and
        // maskrcnn-benchmark; the others say why not
        Assert.True(stacks["tensorpack"].Available);
        Assert.True(stacks["matterport"].Available);
        Assert.True(stacks["tensorpack"].Supports("9.0"));
        Assert.True(stacks["detectron2"].Supports("9.0"));
        Assert.False(stacks["detectron2"].Supports("8.6"));
        Assert.True(stacks["maskrcnn-benchmark"].Supports("8.0"));
        Assert.All(
            stacks.Where(s => s.Key is not ("tensorpack" or "matterport" or "detectron2" or "maskrcnn-benchmark")),
            s => Assert.StartsWith("no verified path yet: ", s.Value.Unavailable)
        );
    }

    [Fact]
    public void Check_on_the_current_stack_names_the_root_s_archive_and_each_wheel_s_commit()
    {
        // Arrange
        var options = new CheckOptions(Paths.Root) { Stack = StackSelection.Current };
        var images = ImageLock.Read(Paths.Repository("environments", "base-images.lock"));

        // Act
        var references = RecipeReferences.For(Catalog.Get("detectron2"), options, images);

        // Assert
        Assert.Contains(
            references,
            r =>
                r
                    is {
                        Kind: "url",
                        Name: "http://deb.debian.org/debian/dists/trixie/Release",
                        Origin: "environments/base/debian-trixie.json"
                    }
        );
        Assert.Contains(
            references,
            r =>
                r
                    is {
                        Kind: "git",
                        Name: "https://github.com/facebookresearch/fvcore.git",
                        Pin: "db26e416f19d3df0ff25c602fc1d03d0a5d624bb"
                    }
        );
        Assert.DoesNotContain(references, r => r.Kind == "image" && r.Name.Contains("maskbench", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r is { Kind: "apt", Name: "nprocs" }); // mp.spawn(join, nprocs=2) is Python
    }

    [Fact]
    public void The_page_stack_is_the_recipe_environment_and_a_recipe_without_stacks_runs_anywhere()
    {
        // Act
        var detectron2 = StackSelection.Select(Catalog.Get("detectron2"), StackSelection.Page);
        var torchvision = StackSelection.Select(Catalog.Get("torchvision"), StackSelection.Current);

        // Assert
        Assert.Same(Catalog.Get("detectron2").Environment, detectron2.Environment);
        Assert.Equal(["sm_60", "sm_61", "sm_70", "sm_75"], detectron2.Architectures);
        Assert.False(detectron2.Supports("8.0"));
        Assert.Equal("maskbench/cuda-base:10.1-cudnn7.6.5.32", detectron2.Base!.Image);
        Assert.True(torchvision.Available);
        Assert.True(torchvision.Supports("9.0"));
    }

    [Fact]
    public void An_unknown_stack_name_names_the_parameter_values()
    {
        // Act
        var error = Assert.Throws<CatalogException>(() => StackSelection.Select(Catalog.Get("detectron2"), "cuda11"));

        // Assert
        Assert.Equal("unknown stack 'cuda11': use --stacks page|current", error.Message);
    }

    [Fact]
    public void Setup_takes_the_recipe_with_the_stack_environment_and_an_unavailable_stack_names_its_reason()
    {
        // Arrange
        var matterport = Catalog.Get("matterport");

        // Act
        var current = StackSelection.Select(matterport, StackSelection.Current).ApplyTo(matterport);
        var error = Assert.Throws<CatalogException>(() =>
            StackSelection.Select(Catalog.Get("simpledet"), StackSelection.Current).ApplyTo(Catalog.Get("simpledet"))
        );

        // Assert
        Assert.Equal("environments/matterport/current.Dockerfile", current.Environment.Recipe);
        Assert.Equal(matterport.Patches, current.Patches);
        Assert.StartsWith("simpledet has no 'current' stack: no verified path yet: ", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_stack_is_checked_before_a_Setup_alone_too()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-smi-").FullName;
        var request = new PreflightRequest(0, null, [])
        {
            NvidiaSmi = NvidiaSmi(folder, "NVIDIA A100-SXM4-80GB", "8.0"),
            Stacks = Demands(StackSelection.Page),
        };

        // Act
        var problems = await Preflight.CheckAsync(request);

        // Assert
        Assert.Contains("compute capability 8.0", Assert.Single(problems));
    }
}
