namespace MaskBench.Tools.Telemetry;

/// <summary>Why a GPU's clocks are what they are: NVML's clocks-event reasons (formerly "throttle reasons"), as the
/// bitmask <c>nvidia-smi</c> prints for <c>clocks_event_reasons.active</c> (e.g. <c>0x0000000000000004</c>).
/// Values from the NVML reference, group nvmlClocksEventReasons.</summary>
[Flags]
public enum ClockEventReasons : ulong
{
    None = 0,
    GpuIdle = 0x1,
    ApplicationsClocksSetting = 0x2,
    SwPowerCap = 0x4,
    HwSlowdown = 0x8,
    SyncBoost = 0x10,
    SwThermalSlowdown = 0x20,
    HwThermalSlowdown = 0x40,
    HwPowerBrakeSlowdown = 0x80,
    DisplayClockSetting = 0x100,
}
