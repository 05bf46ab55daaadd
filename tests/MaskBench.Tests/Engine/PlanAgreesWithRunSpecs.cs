using MaskBench.Engine;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Engine;

/// <summary>The plan never says less than the run: over a set of scenarios, the targets the plan says run, skip or are up
/// to date are exactly those the run then runs, skips or finds up to date; <c>--plan --json</c> carries a version, reasons
/// in fields and the edges.</summary>
public class PlanAgreesWithRunSpecs
{
    /// <summary>A chain Clone -> Patch -> Setup -> Train, a Report after Train, and a chain that is unavailable.</summary>
    static EngineHarness Chain(Func<string> pin, Func<string?> unavailable)
    {
        EngineHarness? engine = null;
        string folder() => engine!.Folder;
        return engine = new EngineHarness()
            .Step("Clone", d => d.Inputs(i => i.Value("pin", pin())), output: "clone.txt")
            .Step("Patch", d => d.DependsOn("Clone").Inputs(i => i.Value("patches", "none")), output: "patch.txt")
            .Step("Setup", d => d.DependsOn("Patch").Inputs(i => i.Value("stack", "page")), output: "setup.txt")
            .Step("Train", d => d.DependsOn("Setup").Inputs(i => i.Value("window", "3..10")), output: "train.txt")
            .Step("Other", d => d.OnlyWhenStatic(unavailable).Inputs(i => i.Value("pin", "x")), output: "other.txt")
            .Step("Report", d => d.After("Train", "Other").DependsOn("Train", "Other"))
            // like Aggregate: ordered after the chain, reading what it made, without depending on it
            .Step("Table", d => d.After("Train").Inputs(i => i.File(Path.Combine(folder(), "train.txt"))), output: "table.txt");
    }

    static string Label(TargetStatus status) =>
        status switch
        {
            TargetStatus.Ran => "run",
            TargetStatus.UpToDate => "up-to-date",
            TargetStatus.Skipped => "skip",
            _ => status.ToString(),
        };

    static string Label(Verdict verdict) =>
        verdict switch
        {
            Verdict.Run => "run",
            Verdict.UpToDate => "up-to-date",
            Verdict.Skip => "skip",
            _ => verdict.ToString(),
        };

    [Theory]
    [InlineData("fresh")]
    [InlineData("after a run")]
    [InlineData("pin changed")]
    [InlineData("an output deleted")]
    [InlineData("a chain unavailable")]
    [InlineData("a chain that became available")]
    public void The_plan_and_the_run_agree_on_every_target(string scenario)
    {
        // Arrange
        var pin = "abc";
        string? unavailable = scenario is "a chain unavailable" or "a chain that became available" ? "no current stack" : null;
        using var engine = Chain(() => pin, () => unavailable);
        if (scenario != "fresh")
            engine.Run(["Report", "Table"]);
        switch (scenario)
        {
            case "pin changed":
                pin = "def";
                break;
            case "an output deleted":
                File.Delete(engine.PathOf("setup.txt"));
                break;
            case "a chain that became available":
                unavailable = null;
                break;
        }

        // Act
        var plan = engine.Plan("Report", "Table");
        var run = engine.Run(["Report", "Table"]);

        // Assert
        Assert.Equal(
            plan.Decisions.Where(d => d.Verdict != Verdict.Collective).Select(d => $"{d.Target} {Label(d.Verdict)}"),
            run.Where(r => r.Status != TargetStatus.Collective).Select(r => $"{r.Target} {Label(r.Status)}")
        );
        Assert.Equal(scenario is "a chain unavailable", run.Any(r => r.Target == "Other" && r.Status == TargetStatus.Skipped));
    }

    [Fact]
    public void The_json_plan_has_a_version_reasons_in_fields_and_the_edges()
    {
        // Arrange
        var pin = "abc";
        using var engine = Chain(() => pin, () => "no current stack");
        engine.Run(["Report"]);
        pin = "def";

        // Act
        var json = JObject.Parse(engine.Plan("Report").ToJson());

        // Assert
        Assert.Equal(Plan.JsonVersion, (int)json["version"]!);
        var clone = json["targets"]!.Single(t => (string)t["target"]! == "Clone")!["reasons"]!.Single();
        Assert.Equal(
            ("input-changed", "pin", "abc", "def"),
            ((string)clone["kind"]!, (string)clone["name"]!, (string)clone["old"]!, (string)clone["new"]!)
        );
        var other = json["targets"]!.Single(t => (string)t["target"]! == "Other")!;
        Assert.Equal(("skip", "unavailable"), ((string)other["action"]!, (string)other["reasons"]![0]!["kind"]!));
        var edges = json["edges"]!.Select(e => $"{e["from"]} {e["kind"]} {e["to"]}").ToList();
        Assert.Contains("Patch depends-on Clone", edges);
        Assert.Contains("Report after Other", edges);
        Assert.Empty(json["preflight"]!);
    }

    [Fact]
    public void Preflight_s_findings_are_in_the_plan()
    {
        // Arrange
        var plan = new Plan(["Benchmark"], [new Decision("Train", Verdict.Run, [new Reason("never-ran", "never ran successfully")])])
        {
            Preflight = ["8 GPUs asked for, nvidia-smi sees none: use --gpus 0"],
        };

        // Act
        var text = plan.ToText();
        var json = JObject.Parse(plan.ToJson());

        // Assert
        Assert.Contains("Preflight would stop this run before any target starts (1 problem):\n  - 8 GPUs asked for", text);
        Assert.Equal("8 GPUs asked for, nvidia-smi sees none: use --gpus 0", (string)json["preflight"]![0]!);
    }
}
