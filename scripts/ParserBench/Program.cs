using System.Diagnostics;
using System.Globalization;
using MaskBench.Model.Logs;

// Parses DIR/<format>/train.log for every format given and prints MB/s (best of 5 after a warm-up run).
// Usage: ParserBench DIR format[:images] ...
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ParserBench DIR format[:images] ...");
    return 2;
}
Console.WriteLine("format\tMB\tlines\tseconds\tMB/s\timg/s\tstatus");
foreach (var spec in args[1..])
{
    var parts = spec.Split(':');
    var format = parts[0];
    var images = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 16;
    var run = new RunFolder(Path.Combine(args[0], format));
    var megabytes = new FileInfo(run.Log).Length / 1e6;
    var parser = LogFormats.Get(format);
    var result = parser.Parse(run, Window.Page, images, []);
    var best = double.MaxValue;
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        result = parser.Parse(run, Window.Page, images, []);
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }
    Console.WriteLine(
        string.Join(
            '\t',
            format,
            megabytes.ToString("F1", CultureInfo.InvariantCulture),
            result.LastIteration,
            best.ToString("F3", CultureInfo.InvariantCulture),
            (megabytes / best).ToString("F0", CultureInfo.InvariantCulture),
            result.Throughput?.ToString("F2", CultureInfo.InvariantCulture) ?? "-",
            result.Status
        )
    );
}
return 0;
