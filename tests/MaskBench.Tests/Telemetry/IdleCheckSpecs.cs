using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Telemetry;

public sealed class IdleCheckSpecs
{
    [Fact]
    public async Task Idle_GPUs_pass_the_check()
    {
        // Arrange
        using var standIn = new StandIn("idle");

        // Act
        var report = await IdleCheck.RunAsync(null, standIn.Program, readings: 1);

        // Assert
        Assert.True(report.Idle);
        Assert.Equal([0, 1], report.Checked);
    }

    [Fact]
    public async Task A_GPU_held_by_another_process_is_named_with_the_process_and_the_fix_in_one_line()
    {
        // Arrange
        using var standIn = new StandIn("busy");

        // Act
        var report = await IdleCheck.RunAsync(null, standIn.Program, readings: 1);

        // Assert
        Assert.False(report.Idle);
        Assert.Equal("GPU 1 is held by pid 1234 (python, 15000 MiB): stop it or pick other GPUs with CUDA_VISIBLE_DEVICES", report.Problem);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("GPU-00000000")]
    public async Task Only_the_GPUs_the_training_will_see_are_checked(string visible)
    {
        // Arrange
        using var standIn = new StandIn("busy");

        // Act
        var report = await IdleCheck.RunAsync(visible, standIn.Program, readings: 1);

        // Assert
        Assert.True(report.Idle);
        Assert.Equal([0], report.Checked);
    }

    [Fact]
    public async Task A_GPU_the_machine_does_not_have_is_refused()
    {
        // Arrange
        using var standIn = new StandIn("idle");

        // Act
        var report = await IdleCheck.RunAsync("7", standIn.Program, readings: 1);

        // Assert
        Assert.False(report.Idle);
        Assert.Equal(
            "CUDA_VISIBLE_DEVICES names GPU '7', which this machine does not have (GPUs: 0, 1): fix CUDA_VISIBLE_DEVICES",
            report.Problem
        );
    }

    [Fact]
    public async Task A_machine_without_nvidia_smi_has_nothing_to_check()
    {
        // Act
        var report = await IdleCheck.RunAsync(null, "/nonexistent/nvidia-smi", readings: 1);

        // Assert
        Assert.Null(report.Idle);
    }

    [Fact]
    public async Task A_failing_driver_is_reported()
    {
        // Arrange
        using var standIn = new StandIn("absent");

        // Act
        var report = await IdleCheck.RunAsync(null, standIn.Program, readings: 1);

        // Assert
        Assert.False(report.Idle);
        Assert.StartsWith("nvidia-smi fails (NVIDIA-SMI has failed", report.Problem);
    }
}
