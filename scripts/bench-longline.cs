// Memory on one huge log line (run by scripts/bench-longline.sh under /usr/bin/time -v): Aggregate --from's row
// for maskrcnn-benchmark, read from the folder given, with the time it took and the row it gave.
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Reports;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
var recipe = RecipeCatalog.Load(Path.Combine(root, "recipes")).Get("maskrcnn-benchmark");
var clock = Stopwatch.StartNew();
var row = Aggregator.FromLogs([recipe], args[0], _ => 16, new Window(20, 60)).Single();
Console.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {row.Status}: {row.Reason ?? row.Method}");
