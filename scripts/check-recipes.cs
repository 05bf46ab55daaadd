// Check's speed and bounds on the real recipes (run by scripts/check-recipes.sh): resolves every external reference of
// the named recipes (all when none is named) on a stack, prints Check's table, the time taken and what was received.
// Offline, every reference is 'unreachable' and the run must still end within the budget (under a minute).
#:project ../src/MaskBench/MaskBench.csproj
#:property TreatWarningsAsErrors=false
using System.Diagnostics;
using MaskBench.Model.Catalog;
using MaskBench.Stages.Setup.Check;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", ".."));
if (!File.Exists(Path.Combine(root, "global.json")))
    root = Directory.GetCurrentDirectory();
var stack = Environment.GetEnvironmentVariable("CHECK_STACK") ?? StackSelection.Page;
var catalog = RecipeCatalog.Load(Path.Combine(root, "recipes"));
var recipes = catalog.Select(args.Length > 0 ? args : null);
var total = 0;
foreach (var recipe in recipes)
{
    var clock = Stopwatch.StartNew();
    var report = await RecipeCheck.RunAsync([recipe], new CheckOptions(root) { Stack = stack });
    Console.WriteLine(
        $"== {recipe.Id} ({stack} stack): {clock.Elapsed.TotalSeconds:0.0} s, {report.Bytes} bytes received, {(report.Failed ? "FAILED" : "ok")}"
    );
    Console.Write(report.ToTable());
    total += report.Failed ? 1 : 0;
}
return total == 0 ? 0 : 1;
