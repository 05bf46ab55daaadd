namespace MaskBench.Stages.Setup.Check;

/// <summary>Where and how long <see cref="RecipeCheck"/> looks. The index and registry addresses can point at
/// stand-ins (the tests' loopback servers).</summary>
/// <param name="Root">The MaskBench root: Dockerfiles, constraints and the image lock are read relative to it.</param>
internal sealed record CheckOptions(string Root)
{
    /// <summary><c>page</c> or <c>current</c>: the stack whose references are checked.</summary>
    public string Stack { get; init; } = MaskBench.Model.Catalog.StackSelection.Page;

    /// <summary>The Python package index: its JSON API (<c>/pypi/&lt;name&gt;/&lt;version&gt;/json</c>) and simple API (<c>/simple/&lt;name&gt;/</c>).</summary>
    public Uri PackageIndex { get; init; } = new("https://pypi.org/");

    /// <summary>Registry host (as images name it: <c>docker.io</c>, <c>nvcr.io</c>) to the base URL its API answers at.</summary>
    public IReadOnlyDictionary<string, Uri> Registries { get; init; } = new Dictionary<string, Uri>();

    /// <summary>The image lock (image → digest), relative to <see cref="Root"/>.</summary>
    public string ImageLock { get; init; } = "environments/base-images.lock";

    /// <summary>The longest any one probe may take; a host that timed out once is not asked again.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest the whole check may take; what is not answered by then is unreachable.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>Probes in flight at once.</summary>
    public int Parallelism { get; init; } = 8;

    public string Git { get; init; } = "git";
}
