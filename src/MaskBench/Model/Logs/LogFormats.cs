using MaskBench.Model.Logs.Formats;

namespace MaskBench.Model.Logs;

/// <summary>The log formats recipes can name in <c>log.format</c>.</summary>
internal static class LogFormats
{
    static readonly IReadOnlyList<LogFormat> All =
    [
        new Detectron2Format(),
        new MmcvFormat(),
        new MaskrcnnBenchmarkFormat(),
        new TensorpackFormat(),
        new SpeedometerFormat(),
        new DetectronFormat(),
        new KerasProgbarFormat(),
    ];

    public static IReadOnlyList<string> Known { get; } = All.Select(f => f.Id).ToList();

    public static ILogFormat Get(string id) =>
        All.FirstOrDefault(f => f.Id == id)
        ?? throw new ArgumentException(
            $"unknown log format '{id}'; known formats: {string.Join(", ", Known)}. Set the recipe's log.format to one of them, or add a parser under src/MaskBench/Model/Logs/Formats/",
            nameof(id)
        );
}
