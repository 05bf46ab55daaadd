using MaskBench.Engine;
using MaskBench.Foundation.Files;
using MaskBench.Stages.Setup.Check;
using MaskBench.Tools.Environments;
using Serilog;

namespace MaskBench.Stages.Setup;

/// <summary>Builds the implementation's environment (an image, or a virtual environment) and compiles its extensions;
/// records the environment's identity for Train.</summary>
internal sealed class SetupStage(StageContext context) : ChainStage(context)
{
    public override string Verb => "Setup";

    public override string Description(Step step) => $"Build {step.Recipe.Name}'s environment and compile its extensions";

    public override IReadOnlyList<string> DependsOn(Step step) => [step.Name("Patch")];

    public override void Declare(FingerprintBuilder inputs, Step step)
    {
        var recipe = Settings.Applied(step.Recipe);
        inputs
            .Parameter("Provider", Settings.ProviderName)
            .Parameter("Stacks", Settings.StackName)
            .Parameter("Stack", Settings.StackOverrides.Select(s => $"{s.Key}={s.Value}").Order(StringComparer.Ordinal))
            .Value("recipe stack", JsonFiles.Fingerprint(recipe.Environment.Stack))
            .Command(recipe.Environment.Build)
            .Value("debian packages", string.Join(" ", recipe.Environment.DebianPackages));
        if (Settings.Provider == Provider.Venv)
            inputs.Parameter("Python", Settings.Python).Value("interpreter's packages", InterpreterNow());
        if (recipe.Environment.Recipe is { } file)
            inputs.File(Path.Combine(Workspace.Root, file));
        if (Settings.Provider == Provider.Venv)
            return;
        inputs.File(Settings.EnvironmentOptions(Workspace).ImageLock);
        foreach (var b in recipe.Environment.Base?.Chain() ?? [])
            inputs.File(Path.Combine(Workspace.Root, b.Recipe)).Value($"stack base {b.Image}", JsonFiles.Fingerprint(b));
        if (recipe.Environment.Wheels is { } wheels)
            inputs.File(Path.Combine(Workspace.Root, wheels)).Value("wheelhouse", Settings.EnvironmentOptions(Workspace).Wheelhouse);
    }

    /// <summary>The interpreter's packages as they are now (read from its folders, no process): installing or removing one
    /// makes Setup stale, so "run Setup again" works.</summary>
    string InterpreterNow()
    {
        try
        {
            return VenvEnvironment.CurrentIdentity(Settings.Python);
        }
        catch (Exception e) when (e is MaskBenchException or IOException)
        {
            return "(missing)";
        }
    }

    public override IReadOnlyList<TargetOutput> Outputs(Step step)
    {
        var record = Workspace.EnvironmentRecord(step.Recipe.Id);
        var file = TargetOutput.File(record);
        return Settings.Provider == Provider.Venv
            ? [file, new TargetOutput(file.Name + " packages", () => RecordedPackages(record))]
            : [file];
    }

    /// <summary>The packages of the virtual environment Setup made, as they are now (read from its folders, no process):
    /// the environment Train opens and checks, so a package installed into it makes Setup stale and "run Setup again"
    /// runs it. Null (missing) when the environment or its record is gone.</summary>
    static string? RecordedPackages(string record)
    {
        try
        {
            return VenvEnvironment.CurrentIdentity(EnvironmentIdentityFile.Read(record).Reference);
        }
        catch (Exception e) when (e is MaskBenchException or IOException)
        {
            return null;
        }
    }

    protected override async Task Body(Step step, CancellationToken cancellation)
    {
        if (Settings.Stack(step.Recipe) is { Available: false } missing)
            throw new ChainException(
                $"{step.Recipe.Id} has no {missing.Name} stack: {missing.Unavailable}; run it on a GPU of the page's generation with --stacks page, or leave it out"
            );
        var recipe = Settings.Applied(step.Recipe);
        if (Settings.Provider == Provider.Venv && Settings.Python?.StartsWith("/usr/bin/", StringComparison.Ordinal) == true)
            await DebianPackages.EnsureAsync(recipe.Environment.DebianPackages, Name(step), Environment.IsPrivilegedProcess, cancellation);
        if (Settings.Provider != Provider.Venv && Context.CheckBeforeSetup?.Invoke() == true)
            await new CheckStage(Context).BeforeSetupAsync(step.Recipe, cancellation);
        var prepared = await EnvironmentSetup.SetupAsync(
            recipe,
            Workspace.Source(recipe.Id),
            Settings.EnvironmentOptions(Workspace),
            cancellation
        );
        EnvironmentIdentityFile.Write(prepared.Identity, Workspace.EnvironmentRecord(recipe.Id));
        Log.Information(
            "{Provider} environment {Reference}: {Python}, {Packages} packages",
            prepared.Identity.Provider,
            prepared.Identity.Reference,
            prepared.Identity.Python,
            prepared.Identity.Packages.Count
        );
    }
}
