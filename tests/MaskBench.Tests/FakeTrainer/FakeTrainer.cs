using CliWrap;
using CliWrap.Buffered;

namespace MaskBench.Tests;

/// <summary>
/// The fake trainer (tests/fake-trainer/fake_trainer.py): a real program that prints the seven trainers' logs
/// from a known time series, so tests can run the real runner and parsers and know the exact img/s.
/// </summary>
static class FakeTrainer
{
    public static string Python => "python3";

    public static string Script { get; } = Paths.Repository("tests", "fake-trainer", "fake_trainer.py");

    public static IReadOnlyList<string> Formats { get; } =
    ["detectron2", "mmcv", "maskrcnn-benchmark", "tensorpack", "mxnet-speedometer", "detectron", "keras-progbar", "plain"];

    /// <summary>The argument list for <see cref="Python"/>: the script, <c>--format</c>, then the options as given.</summary>
    public static IReadOnlyList<string> Arguments(string format, params string[] options) => [Script, "--format", format, .. options];

    /// <summary>Seconds that iteration <paramref name="iteration"/> (1-based) takes: the script's own formula.</summary>
    public static double SeriesTime(int iteration, double time, double jitter) =>
        time * (1 + jitter * ((iteration * 7919L % 13) - 6) / 6.0);

    /// <summary>Sum of <see cref="SeriesTime"/> over the 1-based iterations first..last.</summary>
    public static double SeriesSum(int first, int last, double time, double jitter) =>
        Enumerable.Range(first, last - first + 1).Sum(i => SeriesTime(i, time, jitter));

    /// <summary>Runs the fake trainer to its end (or the timeout) and returns its exit code and both streams.</summary>
    public static async Task<BufferedCommandResult> RunAsync(string format, params string[] options)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await Cli.Wrap(Python)
            .WithArguments(Arguments(format, options))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }
}
