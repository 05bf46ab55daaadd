using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

/// <summary>What Setup reads off a built image: the architectures of the compiled extensions and the stand-ins.</summary>
public sealed class ExtensionProbeSpecs
{
    [Fact]
    public void The_architectures_are_those_of_the_cubins_cuobjdump_lists_once_each_in_order()
    {
        // Arrange: the probe's output, as cuobjdump 12.4 --list-elf prints an extension built for 9.0, 7.0 and 8.0
        var output = string.Join(
            "\n",
            "elf ELF file    1: _C.1.sm_90.cubin",
            "elf ELF file    2: _C.2.sm_70.cubin",
            "elf ELF file    3: _C.3.sm_80.cubin",
            "elf ELF file    4: _C.4.sm_90.cubin",
            "noise sm_61 outside an elf line"
        );

        // Act
        var (architectures, standIns) = ExtensionProbe.Parse(output);

        // Assert
        Assert.Equal(["sm_70", "sm_80", "sm_90"], architectures);
        Assert.Empty(standIns);
    }

    [Fact]
    public void An_image_without_cuobjdump_or_gpu_code_has_no_architectures_read_and_its_stand_ins_are_named()
    {
        // Arrange
        var output = "stand-in cudnn: cuDNN stand-in (MaskBench): generated code\nno cuobjdump\n";

        // Act
        var (architectures, standIns) = ExtensionProbe.Parse(output);

        // Assert
        Assert.Null(architectures);
        Assert.Equal(["cudnn: cuDNN stand-in (MaskBench): generated code"], standIns);
    }
}
