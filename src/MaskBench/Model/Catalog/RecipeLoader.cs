using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MaskBench.Model.Catalog;

/// <summary>Reads <c>recipes/&lt;id&gt;.json</c>. Every problem names the file, the field and the fix.</summary>
internal static class RecipeLoader
{
    static readonly JsonLoadSettings Strict = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        CommentHandling = CommentHandling.Ignore,
    };

    public static Recipe Load(string path)
    {
        Recipe parsed;
        try
        {
            var text = File.ReadAllText(path);
            if (string.IsNullOrWhiteSpace(text))
                throw new CatalogException("the file is empty; a recipe is a JSON object with the fields of recipes/detectron2.json");
            parsed = RecordBinder.Bind<Recipe>(
                JToken.Parse(text, Strict) as JObject ?? throw new CatalogException("a recipe is a JSON object {...}")
            );
        }
        catch (Exception e) when (e is JsonException or CatalogException)
        {
            throw new CatalogException($"{path}: {e.Message}");
        }
        var recipe = NormalizeStacks(Normalize(parsed)) with { File = path };
        Validate(recipe);
        ValidateStacks(recipe);
        return recipe;
    }

    static Recipe Normalize(Recipe r) =>
        r with
        {
            Patches = r.Patches ?? [],
            Variables = r.Variables ?? new Dictionary<string, string>(),
            Settings = r.Settings ?? new Dictionary<string, string>(),
            WorkingDirectory = string.IsNullOrEmpty(r.WorkingDirectory) ? "." : r.WorkingDirectory,
            Environment = r.Environment is null
                ? new EnvironmentSpec(null, new Dictionary<string, string>(), [])
                : r.Environment with
                {
                    Stack = r.Environment.Stack ?? new Dictionary<string, string>(),
                    Build = r.Environment.Build ?? [],
                },
            Stop = r.Stop is null ? null! : r.Stop with { Arguments = r.Stop.Arguments ?? [] },
            Data = r.Data is null
                ? new DataSpec("2017", [], new Dictionary<string, string>(), [])
                : r.Data with
                {
                    Required = r.Data.Required ?? [],
                    Links = r.Data.Links ?? new Dictionary<string, string>(),
                    Prepare = r.Data.Prepare ?? [],
                },
            Weights = r.Weights ?? [],
            Failures = r.Failures ?? [],
            Notes = r.Notes ?? [],
        };

    static void Validate(Recipe r)
    {
        var problems = new List<string>();
        void Require(bool ok, string field, string fix)
        {
            if (!ok)
                problems.Add($"field '{field}': {fix}");
        }

        var expectedId = Path.GetFileNameWithoutExtension(r.File);
        Require(r.Id == expectedId, "id", $"must equal the file name '{expectedId}'");
        Require(RecipeSyntax.IsId(r.Id), "id", "use lower-case letters, digits and '-'");
        Require(!string.IsNullOrWhiteSpace(r.Name), "name", "give the name shown in the table");
        Require(r.Source is not null, "source", "give repository, pin and mirror");
        if (r.Source is not null)
        {
            Require(!string.IsNullOrWhiteSpace(r.Source.Repository), "source.repository", "give a git URL or a path");
            Require(RecipeSyntax.IsPin(r.Source.Pin), "source.pin", "give a commit hash of 7 to 40 hex digits");
            Require(RecipeSyntax.IsMirror(r.Source.Mirror), "source.mirror", "give 'owner/name'");
        }
        foreach (var (patch, i) in r.Patches.Select((p, i) => (p, i)))
        {
            var field = $"patches[{i}]";
            Require(patch.Kind is "diff" or "substitute", $"{field}.kind", "use 'diff' or 'substitute'");
            if (patch.Kind == "diff")
                Require(!string.IsNullOrEmpty(patch.File), $"{field}.file", "name the diff under patches/<id>/");
            if (patch.Kind == "substitute")
                Require(
                    !string.IsNullOrEmpty(patch.Glob) && !string.IsNullOrEmpty(patch.From) && patch.To is not null,
                    field,
                    "a substitution needs glob, from and to"
                );
        }
        Require(r.Command is { Count: > 0 }, "command", "give the training command as a list of arguments");
        Require(r.Stop is not null && r.Stop.Mode is "cap" or "watch", "stop.mode", "use 'cap' or 'watch'");
        Require(
            r.Images is not null
                && new[] { r.Images.Global is > 0, r.Images.PerGpu is > 0, r.Images.Setting is not null }.Count(x => x) == 1,
            "images",
            "give exactly one of 'global' or 'perGpu' (a positive number) or 'setting' (the name of a setting)"
        );
        Require(
            r.Images?.Setting is null || r.Settings.ContainsKey(r.Images.Setting),
            "images.setting",
            "name one of the recipe's settings"
        );
        if (r.Cpu is { } cpu)
        {
            Require(cpu.Arguments is not null, "cpu.arguments", "give the arguments a CPU run appends (a list, maybe empty)");
            Require(
                cpu.Command is null || cpu.Command.Count > 0,
                "cpu.command",
                "give the CPU run's command as a list of arguments, or leave it out"
            );
            Require(
                cpu.Images?.Setting is null || r.Settings.ContainsKey(cpu.Images.Setting),
                "cpu.images.setting",
                "name one of the recipe's settings"
            );
        }
        Require(r.Log is not null && !string.IsNullOrEmpty(r.Log.Format), "log.format", "name a log format");
        Require(r.Log is not null && r.Log.Stream is "stdout" or "stderr" or "both", "log.stream", "use 'stdout', 'stderr' or 'both'");
        Require(r.Data.Year is "2017" or "2014", "data.year", "use '2017' or '2014'");
        Require(r.FullScheduleIterations > 0, "fullScheduleIterations", "give the length of the full schedule");
        problems.AddRange(RecipePaths.Problems(r));

        if (problems.Count > 0)
            throw new CatalogException($"{r.File}: " + string.Join("; ", problems));
    }

    static Recipe NormalizeStacks(Recipe r) =>
        r with
        {
            Stacks = (r.Stacks ?? new Dictionary<string, StackSpec>()).ToDictionary(
                s => s.Key,
                s =>
                    s.Value with
                    {
                        Architectures = s.Value.Architectures ?? [],
                        Patches = s.Value.Patches ?? [],
                        Environment = s.Value.Environment is null
                            ? null
                            : s.Value.Environment with
                            {
                                Stack = s.Value.Environment.Stack ?? new Dictionary<string, string>(),
                                Build = s.Value.Environment.Build ?? [],
                            },
                    }
            ),
        };

    static void ValidateStacks(Recipe r)
    {
        var problems = new List<string>();
        foreach (var (name, stack) in r.Stacks)
        {
            var field = $"stacks.{name}";
            if (!StackSelection.Names.Contains(name, StringComparer.Ordinal))
                problems.Add($"field '{field}': name a stack {string.Join(" or ", StackSelection.Names)}");
            if (stack.Unavailable is not null)
                continue;
            if (stack.Architectures!.Any(a => !RecipeSyntax.IsArchitecture(a)))
                problems.Add($"field '{field}.architectures': give CUDA architectures like sm_70");
            if (name == StackSelection.Current && stack.Environment is null)
                problems.Add($"field '{field}.environment': give the stack's environment, or 'unavailable' with the reason");
            foreach (var b in stack.Base?.Chain() ?? [])
                if (string.IsNullOrWhiteSpace(b.Recipe) || string.IsNullOrWhiteSpace(b.Image))
                    problems.Add($"field '{field}.base': give each base's recipe (a Dockerfile or a root recipe) and image (its tag)");
            if (stack.PatchedTree is { } tree && !RecipeSyntax.IsTree(tree))
                problems.Add($"field '{field}.patchedTree': give the 40 hex digits 'git write-tree' prints after patching");
        }
        if (problems.Count > 0)
            throw new CatalogException($"{r.File}: " + string.Join("; ", problems));
    }
}

internal sealed class CatalogException(string message) : MaskBenchException(message);
