using MaskBench.Stages.Train;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Running;

/// <summary>A GPU measurement refused on what the built environment holds: a stand-in, or extensions without the GPU's code.</summary>
public sealed class BuiltEnvironmentPreflightSpecs
{
    static readonly GpuCapability H100 = new("NVIDIA H100 80GB HBM3", "9.0");
    static readonly GpuCapability A10 = new("NVIDIA A10", "8.6");

    [Fact]
    public void A_gpu_whose_architecture_the_extensions_lack_is_refused_naming_what_they_hold_and_the_fix()
    {
        // Act
        var problems = Preflight.BuiltProblems("maskbench/detectron2:env-1", ["sm_70", "sm_80", "sm_90"], [], [H100, A10]);

        // Assert
        var problem = Assert.Single(problems);
        Assert.Contains("hold sm_70, sm_80, sm_90, not sm_86 for NVIDIA A10", problem);
        Assert.Contains("add 8.6 to TORCH_CUDA_ARCH_LIST", problem);
    }

    [Fact]
    public void A_stand_in_refuses_any_gpu_measurement_and_unread_architectures_are_not_judged()
    {
        // Act
        var standIn = Preflight.BuiltProblems("img", null, ["cudnn: cuDNN stand-in"], [H100]);
        var unread = Preflight.BuiltProblems("img", null, [], [A10]);
        var held = Preflight.BuiltProblems("img", ["sm_90"], [], [H100]);

        // Assert
        Assert.Contains("carries a stand-in (cudnn: cuDNN stand-in)", Assert.Single(standIn));
        Assert.Empty(unread);
        Assert.Empty(held);
    }
}
