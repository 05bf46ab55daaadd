using System.Diagnostics;
using MaskBench.Model.Catalog;
using MaskBench.Tools.Environments;

namespace MaskBench.Stages.Setup.Check;

/// <summary><c>Check</c>: resolves every external reference of the recipes on the chosen stack without building
/// anything (git pins, base images, pip pins, downloads; apt pins are left to the build), a few probes at a time,
/// each bounded, the whole bounded by <see cref="CheckOptions.Budget"/>.</summary>
internal static class RecipeCheck
{
    public static async Task<CheckReport> RunAsync(
        IReadOnlyList<Recipe> recipes,
        CheckOptions options,
        CancellationToken cancellation = default
    )
    {
        var clock = Stopwatch.StartNew();
        var images = ImageLock.Read(Path.Combine(options.Root, options.ImageLock));
        var references = recipes.SelectMany(r => RecipeReferences.For(r, options, images)).ToList();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        budget.CancelAfter(options.Budget);
        using var http = new Http(options, budget.Token);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var results = await Task.WhenAll(
            references.Select(async reference =>
            {
                await gate.WaitAsync(cancellation);
                try
                {
                    return await ProbeAsync(reference, http, options);
                }
                finally
                {
                    gate.Release();
                }
            })
        );
        cancellation.ThrowIfCancellationRequested();
        return new CheckReport(results, clock.Elapsed);
    }

    static Task<CheckResult> ProbeAsync(Reference reference, Http http, CheckOptions options) =>
        reference.Kind switch
        {
            "git" => GitProbe.RunAsync(reference, http, options),
            "image" => ImageProbe.RunAsync(reference, http, options),
            "pip" => PipProbe.RunAsync(reference, http, options),
            "url" => UrlProbe.RunAsync(reference, http),
            "apt" => Done(reference, CheckStatus.NotChecked, "apt-get checks the version when the image builds (Check reads no apt index)"),
            "stack" => Done(reference, CheckStatus.NotChecked, reference.Note ?? ""),
            _ => Done(reference, CheckStatus.Missing, $"{reference.Name} does not exist: restore it or fix {reference.Origin}"),
        };

    static Task<CheckResult> Done(Reference reference, CheckStatus status, string fix) =>
        Task.FromResult(new CheckResult(reference, status, fix, 0));
}
