using MaskBench.History;

namespace MaskBench.Tests.History;

public sealed class MachineKeySpecs
{
    [Fact]
    public void The_key_names_the_GPU_model_and_count_and_the_driver_major()
    {
        Assert.Equal("8xTesla-V100-SXM2-16GB-drv535", MachineKey.Gpu(["Tesla V100-SXM2-16GB"], 8, "535.104.05"));
        Assert.Equal("8xTesla-V100-SXM2-16GB-drv535", MachineKey.Gpu(["NVIDIA Tesla V100-SXM2-16GB"], 8, "535.183.01"));
    }

    [Fact]
    public void Another_GPU_count_is_another_machine()
    {
        Assert.NotEqual(MachineKey.Gpu(["NVIDIA H100 80GB HBM3"], 8, "550.54"), MachineKey.Gpu(["NVIDIA H100 80GB HBM3"], 4, "550.54"));
    }

    [Fact]
    public void A_machine_without_GPUs_is_keyed_by_its_cores_and_CPU_model()
    {
        Assert.Equal("cpu-16x-Intel-Xeon-Gold-6230-CPU-2.10GHz", MachineKey.Cpu(16, "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz"));
    }

    [Fact]
    public void A_driver_version_without_a_major_number_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => MachineKey.Gpu(["Tesla V100"], 1, "unknown"));
        Assert.Contains("does not start with a major number", error.Message);
    }
}
