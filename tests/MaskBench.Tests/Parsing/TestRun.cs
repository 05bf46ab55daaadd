using MaskBench.Model.Logs;

namespace MaskBench.Tests.Parsing;

/// <summary>A temporary run folder holding a test log written for one format.</summary>
sealed class TestRun : IDisposable
{
    public static readonly IReadOnlyDictionary<string, Action<LogScript>> Writers = new Dictionary<string, Action<LogScript>>
    {
        ["detectron2"] = TorchLogs.Detectron2,
        ["mmcv"] = TorchLogs.Mmcv,
        ["maskrcnn-benchmark"] = TorchLogs.MaskrcnnBenchmark,
        ["tensorpack"] = OtherLogs.Tensorpack,
        ["mxnet-speedometer"] = OtherLogs.Speedometer,
        ["detectron"] = TorchLogs.Detectron,
        ["keras-progbar"] = OtherLogs.Keras,
    };

    public TestRun(LogOptions options, string? folder = null)
    {
        Options = options;
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "maskbench-parsing-" + Guid.NewGuid().ToString("N"));
        var script = new LogScript(options);
        Writers[options.Format](script);
        script.WriteTo(Folder);
    }

    public LogOptions Options { get; }
    public string Folder { get; }
    public RunFolder Run => new(Folder);

    public ThroughputResult Parse(Window? window = null, IReadOnlyList<MaskBench.Model.Catalog.FailureSpec>? failures = null) =>
        LogFormats.Get(Options.Format).Parse(Run, window ?? Window.Page, Options.Images, failures ?? []);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, true);
    }
}
