using MaskBench.Model.Catalog;
using MaskBench.Stages;

namespace MaskBench.Tests.Chain;

/// <summary>A recipe trained with <c>--gpus 0</c>: its <c>cpu</c> arguments after the stop rule's, its CPU batch.</summary>
public sealed class CpuRunSpecs
{
    static readonly Recipe Detectron2 = RecipeLoader.Load(Paths.Repository("recipes", "detectron2.json"));
    static readonly Workspace Workspace = Workspace.Under("/mb", null, null, null);

    [Fact]
    public void With_no_gpu_detectron2_trains_on_the_cpu_with_its_cpu_settings_which_set_changes()
    {
        // Arrange
        var settings = PageSettings.Of() with
        {
            Gpus = 0,
            SettingOverrides = new Dictionary<string, string> { ["cpu_batch"] = "4" },
        };

        // Act
        var command = settings.TrainCommand(Detectron2, Workspace, "/out");

        // Assert
        var afterStop = command.SkipWhile(a => a != "DATASETS.TEST").Skip(2).ToList();
        Assert.Equal(
            ["MODEL.DEVICE", "cpu", "MODEL.WEIGHTS", "", "MODEL.RESNETS.NORM", "BN", "SOLVER.IMS_PER_BATCH", "4"],
            afterStop.Take(8)
        );
        Assert.Contains("(256,)", afterStop);
        Assert.Equal(4, settings.ImagesPerIteration(Detectron2));
        Assert.StartsWith("random weights", settings.OnCpu(Detectron2)!.Initialisation);
    }

    [Fact]
    public void On_gpus_the_command_is_the_page_s_and_the_images_its_global_batch()
    {
        // Arrange
        var settings = PageSettings.Of();

        // Act
        var command = settings.TrainCommand(Detectron2, Workspace, "/out");

        // Assert
        Assert.Equal("()", command[^1]);
        Assert.DoesNotContain("MODEL.DEVICE", command);
        Assert.Equal(16, settings.ImagesPerIteration(Detectron2));
        Assert.Null(settings.OnCpu(Detectron2));
    }

    [Fact]
    public void A_cpu_command_replaces_a_launcher_that_needs_gpus_on_a_cpu_run_only()
    {
        // Arrange
        var recipe = Detectron2 with
        {
            Cpu = Detectron2.Cpu! with { Command = ["python", "tools/train_net.py", "--cpu"] },
        };

        // Act
        var cpu = (PageSettings.Of() with { Gpus = 0 }).TrainCommand(recipe, Workspace, "/out");
        var gpu = PageSettings.Of().TrainCommand(recipe, Workspace, "/out");

        // Assert
        Assert.Equal(["python", "tools/train_net.py", "--cpu", "SOLVER.MAX_ITER", "500"], cpu.Take(5));
        Assert.Contains("MODEL.DEVICE", cpu);
        Assert.Equal(Detectron2.Command.Take(3), gpu.Take(3));
        Assert.Contains("--config-file", gpu);
    }
}
