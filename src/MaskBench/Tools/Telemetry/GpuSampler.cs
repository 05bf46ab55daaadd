using System.Diagnostics;
using System.Globalization;
using System.Text;
using MaskBench.Model;

namespace MaskBench.Tools.Telemetry;

/// <summary>
/// Samples the GPUs during a training: one long-running <c>nvidia-smi --query-gpu=… -lms 1000</c> whose rows are
/// stamped on the caller's Stopwatch (the one <c>LineRecorder</c> uses, so samples and log lines share a clock) and
/// appended to <see cref="TelemetryFile"/>. Start it before the training process, stop it after. When nvidia-smi is
/// missing, or exits mid-run, that is recorded in the file and the run goes on: the verdict for the uncovered time is
/// <c>unknown</c>.
/// </summary>
internal sealed class GpuSampler : IAsyncDisposable
{
    readonly StreamWriter writer;
    readonly Stopwatch clock;
    readonly SampleClock stamps;
    readonly Lock gate = new();
    readonly CancellationTokenSource stop = new();
    readonly StringBuilder lastMessage = new();
    Task? running;
    int samples;
    double? vanishedAt;
    string? problem;
    TelemetrySummary? summary;

    GpuSampler(string path, Stopwatch clock)
    {
        Path = path;
        this.clock = clock;
        stamps = SampleClock.Now(clock);
        writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read), new UTF8Encoding(false))
        {
            NewLine = "\n",
        };
        writer.WriteLine(TelemetryFile.Header);
        writer.Flush();
    }

    public string Path { get; }

    /// <summary>Probes the field names, then starts sampling into <c>folder/telemetry.tsv</c>.</summary>
    public static async Task<GpuSampler> StartAsync(
        string folder,
        Stopwatch clock,
        SamplerOptions? options = null,
        CancellationToken cancellation = default
    )
    {
        options ??= SamplerOptions.Default;
        if (options.IntervalMs < 100)
            throw new ArgumentException(
                $"a telemetry interval of {options.IntervalMs} ms is too short: give 100 ms or more (1000 is the default)"
            );
        var sampler = new GpuSampler(System.IO.Path.Combine(folder, RunFiles.Telemetry), clock);
        var fields = await SmiFields.ProbeAsync(options.NvidiaSmi, cancellation);
        if (fields.Problem is not null)
        {
            sampler.Record(TelemetryEvent.Unavailable, fields.Problem);
            sampler.problem = fields.Problem;
            return sampler;
        }
        List<string> arguments =
        [
            $"--query-gpu={fields.Sampling}",
            "--format=csv,noheader,nounits",
            "-lms",
            options.IntervalMs.ToString(CultureInfo.InvariantCulture),
        ];
        if (options.Gpus is { Count: > 0 } gpus)
            arguments.AddRange(["-i", string.Join(',', gpus)]);
        sampler.Record(
            TelemetryEvent.Started,
            $"interval_ms={options.IntervalMs} reasons={fields.Reasons ?? "none"} program={options.NvidiaSmi}"
        );
        sampler.running = sampler.RunAsync(
            new ProcessSpec([options.NvidiaSmi, .. arguments], Directory.GetCurrentDirectory(), new Dictionary<string, string>())
        );
        return sampler;
    }

    /// <summary>Runs the sampling program through the one process runner until <see cref="stop"/>: its lines are
    /// samples, or messages (its stderr, or anything that is not a sample).</summary>
    async Task RunAsync(ProcessSpec spec)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(
                spec,
                new ProcessOptions
                {
                    What = "telemetry",
                    Timeout = Timeout.InfiniteTimeSpan,
                    Grace = TimeSpan.FromSeconds(1),
                    OnLine = OnLine,
                    CaptureLimit = 64 * 1024,
                    StopLeftovers = true,
                },
                stop.Token
            );
            OnExit(
                result.End == ProcessEnd.NotStarted
                    ? $"nvidia-smi could not run: {result.Problem}"
                    : $"nvidia-smi exited with code {result.ExitCode}"
            );
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    void OnLine(string line)
    {
        var arrived = clock.Elapsed.TotalSeconds;
        if (GpuSample.Parse(line, arrived, stamps) is not { } sample)
        {
            OnMessage(line);
            return;
        }
        lock (gate)
        {
            if (summary is not null)
                return;
            writer.WriteLine(TelemetryFile.Row(sample));
            writer.Flush();
            samples++;
        }
    }

    void OnMessage(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        lock (gate)
            lastMessage.Clear().Append(line.Trim());
        Record(TelemetryEvent.Message, line.Trim());
    }

    void OnExit(string how)
    {
        if (stop.IsCancellationRequested)
            return;
        var at = clock.Elapsed.TotalSeconds;
        string text;
        lock (gate)
            text = lastMessage.Length > 0 ? $"{how}: {lastMessage}" : how;
        vanishedAt = at;
        problem = $"GPU telemetry stopped at {at:0.0} s ({text}): the rest of the run is not covered";
        Record(TelemetryEvent.Vanished, text);
    }

    void Record(string kind, string text)
    {
        lock (gate)
        {
            if (summary is not null)
                return;
            writer.WriteLine(TelemetryFile.Row(new TelemetryEvent(clock.Elapsed.TotalSeconds, kind, text)));
            writer.Flush();
        }
    }

    /// <summary>Stops nvidia-smi, records the stop and closes the file. Safe to call more than once.</summary>
    public async Task<TelemetrySummary> StopAsync()
    {
        if (summary is not null)
            return summary;
        if (running is not null)
        {
            Record(
                TelemetryEvent.Stopped,
                vanishedAt is null ? "stopped after the training" : "stopped after the training; nvidia-smi had already exited"
            );
            await stop.CancelAsync();
            await running;
        }
        lock (gate)
        {
            summary = new TelemetrySummary(Path, samples, vanishedAt, problem);
            writer.Dispose();
        }
        return summary;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}
