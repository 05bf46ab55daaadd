using System.Text.RegularExpressions;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Checking;

/// <summary>The recipe audit's findings that a look at the files can hold (shared/research/recipe-audit.md): each
/// spec fails if the broken thing comes back.</summary>
public partial class AuditSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    static IEnumerable<string> Dockerfiles() =>
        Directory
            .EnumerateFiles(Paths.Repository("environments"), "*Dockerfile", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}test{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    static IEnumerable<string> ConstraintFiles() =>
        Directory.EnumerateFiles(Paths.Repository("environments"), "*constraints.txt", SearchOption.AllDirectories);

    static IEnumerable<string> PinLines(string file) => File.ReadLines(file).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);

    [Fact]
    public void No_Dockerfile_starts_from_a_deleted_CUDA_10_image()
    {
        // Act
        var named = Dockerfiles()
            .SelectMany(f =>
                File.ReadLines(f).Where(l => !l.TrimStart().StartsWith('#') && DeletedBase().IsMatch(l)).Select(l => $"{f}: {l}")
            )
            .ToList();

        // Assert
        Assert.Empty(named);
    }

    /// <summary>recipe-audit-2.md N2: the CUDA repository is signed with 3bf863cc, but the machine-learning repository
    /// (cuDNN 7, NCCL 2.4) still with 7fa2af80, so the base enrols both, each by fingerprint, and holds cuBLAS.</summary>
    [Fact]
    public void The_rebuilt_base_trusts_each_NVIDIA_repository_key_by_fingerprint_and_pins_cuDNN_with_four_parts()
    {
        // Act
        var text = File.ReadAllText(Paths.Repository("environments", "base", "cuda10.Dockerfile"));
        var arguments = StackArguments.Declared(text);

        // Assert
        Assert.Matches(
            @"(?m)^ARG NVIDIA_KEY_URL=https://developer\.download\.nvidia\.com/compute/cuda/repos/ubuntu1804/x86_64/3bf863cc\.pub$",
            text
        );
        Assert.Matches(
            @"(?m)^ARG NVIDIA_ML_KEY_URL=https://developer\.download\.nvidia\.com/compute/machine-learning/repos/ubuntu1804/x86_64/7fa2af80\.pub$",
            text
        );
        Assert.Contains("ARG NVIDIA_ML_KEY_ID=AE09FE4BBD223A84B2CCFCE3F60F4B3D7FA2AF80", text);
        Assert.Contains("grep -Eq \"^fpr:+[0-9A-F]*${NVIDIA_KEY_ID}:\"", text);
        Assert.Contains("grep -Eq \"^fpr:+[0-9A-F]*${NVIDIA_ML_KEY_ID}:\"", text);
        Assert.Contains("NVIDIA_ML_REPO", arguments);
        Assert.Contains("apt-mark hold libcublas10 libcublas-dev", text);
        Assert.Contains("libcudnn7=${CUDNN}-1+cuda${CUDA}", text);
        Assert.All(
            Catalog.All.SelectMany(Stacks).Where(s => s.Stack.ContainsKey("cudnn")),
            s => Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", s.Stack["cudnn"])
        );
        Assert.All(
            Catalog.All.Select(r => StackSelection.Select(r, StackSelection.Page).Base).OfType<BaseImageSpec>(),
            b => Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", b.Arguments!["CUDNN"])
        );
    }

    [Fact]
    public void TensorFlow_1_15_environments_pin_protobuf_below_4()
    {
        // Arrange
        var tensorflow = ConstraintFiles()
            .Where(f => PinLines(f).Any(l => l.StartsWith("tensorflow-gpu==1.15", StringComparison.Ordinal)))
            .ToList();

        // Act
        var protobuf = tensorflow.ToDictionary(
            f => f,
            f => PinLines(f).SingleOrDefault(l => l.StartsWith("protobuf==", StringComparison.Ordinal))
        );

        // Assert
        Assert.Equal(2, tensorflow.Count);
        Assert.All(protobuf, p => Assert.Matches(@"^protobuf==3\.", p.Value ?? "protobuf unpinned in " + p.Key));
        Assert.StartsWith(
            "protobuf==3.",
            PinLines(Paths.Repository("environments", "detectron", "constraints.txt"))
                .Single(l => l.StartsWith("protobuf", StringComparison.Ordinal))
        );
    }

    [Fact]
    public void Every_line_of_every_constraints_file_pins_one_version()
    {
        // Act
        var loose = ConstraintFiles()
            .SelectMany(f => PinLines(f).Where(l => !RecipeReferencesLine().IsMatch(l)).Select(l => $"{f}: {l}"))
            .ToList();

        // Assert
        Assert.Empty(loose);
        Assert.Equal(9, ConstraintFiles().Count());
    }

    [Fact]
    public void maskrcnn_benchmark_sets_MODEL_WEIGHT_and_installs_an_apex_that_has_amp()
    {
        // Arrange
        var recipe = Catalog.Get("maskrcnn-benchmark");
        var dockerfile = File.ReadAllText(Paths.Repository(recipe.Environment.Recipe!));

        // Assert
        Assert.Contains("MODEL.WEIGHT", recipe.Command);
        Assert.DoesNotContain("MODEL.WEIGHTS", recipe.Command);
        Assert.Contains("ARG APEX_COMMIT=8abb6908e3b4f0c1c2cd516c45557e935d6357eb", dockerfile);
        Assert.DoesNotMatch(@"(?m)^ARG APEX_\w+=master", dockerfile);
    }

    [Fact]
    public void mmdetection_watches_stderr_and_caches_the_weights_its_config_loads()
    {
        // Arrange
        var recipe = Catalog.Get("mmdetection");

        // Assert
        Assert.Contains(recipe.Log.Stream, new[] { "stderr", "both" });
        var weights = Assert.Single(recipe.Weights);
        Assert.Equal("resnet50_msra-5891d200.pth", weights.Name);
        Assert.StartsWith("https://download.openmmlab.com/", weights.Url);
        Assert.Equal(40, recipe.Source.Pin.Length);
    }

    [Fact]
    public void Detectron_builds_into_the_system_site_packages_not_a_user_home()
    {
        // Arrange
        var recipe = Catalog.Get("detectron");

        // Assert
        Assert.DoesNotContain("--user", recipe.Environment.Build);
        Assert.NotEqual(["make"], recipe.Environment.Build);
        Assert.DoesNotContain("--user", File.ReadAllText(Paths.Repository(recipe.Environment.Recipe!)));
    }

    [Fact]
    public void Every_git_dependency_of_an_environment_is_pinned_to_a_commit_or_a_named_tag()
    {
        // Act
        var dependencies = Dockerfiles()
            .SelectMany(f =>
                Regex
                    .Matches(File.ReadAllText(f), @"^ARG (\w+)_REPOSITORY=", RegexOptions.Multiline)
                    .Select(m => (File: f, Prefix: m.Groups[1].Value))
            )
            .ToList();

        // Assert: apex, MXNet, SimpleDet, cocoapi, mxnext, PyTorch
        Assert.Equal(6, dependencies.Count);
        Assert.All(
            dependencies,
            d => Assert.Matches($@"(?m)^ARG {d.Prefix}_(COMMIT=[0-9a-f]{{40}}|TAG=v[\d.]+)$", File.ReadAllText(d.File))
        );
        Assert.DoesNotContain("@master", string.Concat(Dockerfiles().Select(File.ReadAllText)));
    }

    [Fact]
    public void SimpleDet_builds_MXNet_with_its_operators_instead_of_the_gone_nightly()
    {
        // Arrange
        var dockerfile = File.ReadAllText(Paths.Repository("environments", "simpledet", "Dockerfile"));

        // Assert
        Assert.DoesNotContain("1.6.0b20190820\"", dockerfile);
        Assert.Contains("cp -r /tmp/simpledet/operator_cxx/* /tmp/mxnet/src/operator", dockerfile);
        Assert.Contains("Proposal_v3", dockerfile);
    }

    [Fact]
    public void Every_base_image_pulled_from_a_registry_is_in_the_lock()
    {
        // Arrange
        var images = ImageLock.Read(Paths.Repository("environments", "base-images.lock"));

        // Act
        var pulled = Catalog
            .All.SelectMany(Stacks)
            .Select(s => s.Recipe)
            .Concat(Catalog.All.Select(r => StackSelection.Select(r, StackSelection.Page).Base?.Recipe))
            .OfType<string>()
            .Distinct()
            .SelectMany(f =>
                Regex.Matches(File.ReadAllText(Paths.Repository(f)), @"^ARG (?:BASE|UBUNTU_IMAGE)=(\S+)", RegexOptions.Multiline)
            )
            .Select(m => m.Groups[1].Value.Replace("${CUDA}", "11.8"))
            .Where(i => !i.StartsWith("maskbench/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        // Assert
        Assert.Equal(3, pulled.Count);
        Assert.All(pulled, i => Assert.True(images.Lists(i), $"{i} is not in environments/base-images.lock"));
    }

    [Fact]
    public void Every_stack_value_is_a_build_argument_of_its_Dockerfile()
    {
        // Act
        var missing = Catalog
            .All.SelectMany(r =>
                StackSelection.Names.Select(n => StackSelection.Select(r, n)).Where(s => s.Available).Select(s => (r.Id, s))
            )
            .SelectMany(x =>
            {
                var declared = StackArguments.Declared(File.ReadAllText(Paths.Repository(x.s.Environment!.Recipe!)));
                var baseDeclared = x.s.Base is null ? null : StackArguments.Declared(File.ReadAllText(Paths.Repository(x.s.Base.Recipe)));
                return x
                    .s.Environment.Stack.Keys.Select(StackArguments.ArgumentName)
                    .Where(a => !declared.Contains(a))
                    .Concat(x.s.Base?.Arguments?.Keys.Where(a => !baseDeclared!.Contains(a)) ?? [])
                    .Select(a => $"{x.Id}/{x.s.Name}: {a}");
            })
            .ToList();

        // Assert
        Assert.Empty(missing);
    }

    static IEnumerable<EnvironmentSpec> Stacks(Recipe recipe) =>
        StackSelection.Names.Select(n => StackSelection.Select(recipe, n).Environment).OfType<EnvironmentSpec>().Distinct();

    [GeneratedRegex(@"nvidia/cuda:10\.")]
    private static partial Regex DeletedBase();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*==[^=<>!~\s,;]+$")]
    private static partial Regex RecipeReferencesLine();
}
