using MaskBench.Tools.Telemetry;

namespace MaskBench.Tests.Telemetry;

public sealed class StaticStateSpecs
{
    [Fact]
    public async Task The_manifest_gets_each_GPU_s_settings_and_the_topology()
    {
        // Arrange
        using var standIn = new StandIn("clean");

        // Act
        var state = (await GpuStaticState.ReadAsync(standIn.Program))!;

        // Assert
        var gpus = state["gpus"]!.ToArray();
        Assert.Equal(2, gpus.Length);
        Assert.Equal("300.00", (string?)gpus[1]["power.limit"]);
        Assert.Equal("Enabled", (string?)gpus[0]["persistence_mode"]);
        Assert.Null((string?)gpus[0]["mig.mode.current"]);
        Assert.Equal("16", (string?)gpus[0]["pcie.link.width.current"]);
        Assert.Contains("GPU0", (string?)state["topology"]);
        Assert.Empty(state["unsupported"]!);
    }

    [Fact]
    public async Task A_field_an_older_driver_does_not_know_is_left_out_and_listed()
    {
        // Arrange
        using var standIn = new StandIn("old-names");

        // Act
        var state = (await GpuStaticState.ReadAsync(standIn.Program))!;

        // Assert
        Assert.Equal(["pcie.link.gen.max"], state["unsupported"]!.Select(t => (string)t!));
        Assert.Equal("Tesla V100-SXM2-16GB", (string?)state["gpus"]![0]!["name"]);
        Assert.Null(state["gpus"]![0]!["pcie.link.gen.max"]);
    }

    [Fact]
    public async Task No_driver_means_no_static_state()
    {
        // Arrange
        using var standIn = new StandIn("absent");

        // Act
        var state = await GpuStaticState.ReadAsync(standIn.Program);

        // Assert
        Assert.Null(state);
    }
}
