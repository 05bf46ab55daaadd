using CliWrap;
using CliWrap.Buffered;
using MaskBench.Model.Catalog;
using Newtonsoft.Json.Linq;

namespace MaskBench.Tests.Catalog;

[Trait(Needs.Trait, Needs.Processes)]
public class CatalogSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    [Fact]
    public void The_recipes_of_the_page_and_MaskBench_own_load_fastest_published_first()
    {
        // Act
        var ids = Catalog.All.Select(r => r.Id);

        // Assert
        Assert.Equal(
            ["detectron2", "maskrcnn-benchmark", "mmdetection", "tensorpack", "simpledet", "detectron", "matterport", "torchvision"],
            ids
        );
        Assert.Equal([62, 53, 53, 50, 39, 19, 14], Catalog.All.Where(r => r.Published is not null).Select(r => r.Published!.Value));
    }

    [Fact]
    public void Images_per_iteration_follow_the_page_on_eight_GPUs()
    {
        // Act
        var images = Catalog.All.Where(r => r.Published is not null).ToDictionary(r => r.Id, r => r.ImagesPerIteration(8));

        // Assert: 16 everywhere but tensorpack, which trains one image per GPU
        Assert.All(images.Where(i => i.Key != "tensorpack"), i => Assert.Equal(16, i.Value));
        Assert.Equal(8, images["tensorpack"]);
    }

    [Fact]
    public async Task The_torchvision_recipe_pins_the_last_commit_that_changed_its_trainer()
    {
        // Arrange
        var git = await Cli.Wrap("git")
            .WithArguments(["log", "-1", "--format=%H", "--", "trainers/torchvision"])
            .WithWorkingDirectory(Paths.Root)
            .ExecuteBufferedAsync();

        // Act
        var pin = Catalog.Get("torchvision").Source.Pin;

        // Assert: edit trainers/torchvision, commit, then pin that commit in recipes/torchvision.json
        Assert.Equal(git.StandardOutput.Trim(), pin);
    }

    [Fact]
    public void A_recipe_with_a_bad_field_names_the_file_the_field_and_the_fix()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("maskbench-recipe-").FullName;
        var file = Path.Combine(folder, "broken.json");
        File.WriteAllText(
            file,
            File.ReadAllText(Paths.Repository("recipes", "detectron2.json"))
                .Replace("\"detectron2\",\n  \"name\"", "\"broken\",\n  \"name\"")
                .Replace("\"mode\": \"cap\"", "\"mode\": \"kill\"")
        );

        // Act
        var error = Assert.Throws<CatalogException>(() => RecipeLoader.Load(file));

        // Assert
        Assert.Equal($"{file}: field 'stop.mode': use 'cap' or 'watch'", error.Message);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Placeholders_fill_names_and_small_sums_and_never_split_an_argument()
    {
        // Arrange
        var values = new Dictionary<string, string>
        {
            ["window_end"] = "500",
            ["gpus"] = "4",
            ["output"] = "/runs/a b",
        };

        // Act
        var filled = Placeholders.Fill(
            ["SOLVER.MAX_ITER", "{window_end+1}", "TRAIN.LR_SCHEDULE=[{window_end*gpus/8}]", "--out={output}"],
            values
        );

        // Assert
        Assert.Equal(["SOLVER.MAX_ITER", "501", "TRAIN.LR_SCHEDULE=[250]", "--out=/runs/a b"], filled);
        Assert.Contains("unknown placeholder 'gpu'", Assert.Throws<CatalogException>(() => Placeholders.Fill("{gpu}", values)).Message);
    }

    /// <summary>Loads detectron2.json as <c>edited.json</c> with one field set (a JSON path and a JSON value): "loaded" or the error.</summary>
    static string LoadEdited(string path, string json) =>
        LoadEdited(recipe =>
        {
            if (recipe.SelectToken(path) is { } token)
                token.Replace(JToken.Parse(json));
            else
                recipe[path] = JToken.Parse(json);
        });

    static string LoadEdited(Action<JObject> edit)
    {
        var folder = Directory.CreateTempSubdirectory("maskbench-recipe-").FullName;
        var file = Path.Combine(folder, "edited.json");
        var recipe = JObject.Parse(File.ReadAllText(Paths.Repository("recipes", "detectron2.json")));
        recipe["id"] = "edited";
        edit(recipe);
        File.WriteAllText(file, recipe.ToString());
        try
        {
            RecipeLoader.Load(file);
            return "loaded";
        }
        catch (CatalogException e)
        {
            return e.Message.Replace(file, "FILE");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("data.links", """{"../../../escaped-link": "."}""", "field 'data.links' key '../../../escaped-link' climbs out with '..'")]
    [InlineData("data.links", """{"/tmp/abs-link": "."}""", "field 'data.links' key '/tmp/abs-link' is absolute")]
    [InlineData("data.links", """{"datasets/../../x": "."}""", "field 'data.links' key 'datasets/../../x' climbs out")]
    [InlineData("data.links", """{".": "."}""", "field 'data.links' key '.' is the source tree itself")]
    [InlineData("data.links", """{".git/hooks": "."}""", "field 'data.links' key '.git/hooks' is inside .git")]
    [InlineData(
        "data.links",
        """{"datasets/coco": "../../etc"}""",
        "field 'data.links' value '../../etc' (for 'datasets/coco') climbs out"
    )]
    [InlineData(
        "weights[0].name",
        "\"../../escaped-weight.bin\"",
        "field 'weights[0].name': '../../escaped-weight.bin' is not a plain file name"
    )]
    [InlineData("weights[0].name", "\"sub/R-50.pkl\"", "field 'weights[0].name': 'sub/R-50.pkl' is not a plain file name")]
    [InlineData("weights[0].path", "\"../../weights-link\"", "field 'weights[0].path': '../../weights-link' climbs out with '..'")]
    [InlineData("weights[0].path", "\"{weights}/../../x\"", "field 'weights[0].path': '{weights}/../../x' leaves the weights cache")]
    [InlineData("weights[0].path", "\"/tmp/R-50.pkl\"", "field 'weights[0].path': '/tmp/R-50.pkl' is absolute")]
    [InlineData("weights[0].path", "\"~/R-50.pkl\"", "field 'weights[0].path': '~/R-50.pkl' is absolute")]
    [InlineData("weights[0].path", "\"{coco}/R-50.pkl\"", "field 'weights[0].path': '{coco}/R-50.pkl' uses a placeholder")]
    [InlineData("workingDirectory", "\"../../../..\"", "field 'workingDirectory': '../../../..' climbs out with '..'")]
    [InlineData("workingDirectory", "\"/tmp\"", "field 'workingDirectory': '/tmp' is absolute")]
    [InlineData("log.preciseFile", "\"train.log\"", "field 'log.preciseFile': 'train.log' matches train.log, which the harness writes")]
    [InlineData("log.preciseFile", "\"**/*.log\"", "field 'log.preciseFile': '**/*.log' matches train.log")]
    [InlineData("log.preciseFile", "\"../../../../etc/host*\"", "field 'log.preciseFile': '../../../../etc/host*' climbs out with '..'")]
    [InlineData("log.preciseFile", "\"/etc/host*\"", "field 'log.preciseFile': '/etc/host*' is absolute")]
    [InlineData(
        "log.preciseFile",
        "\"{glob}.txt\"",
        "field 'log.preciseFile': '{glob}.txt' names the placeholder {glob}, which this field does not substitute"
    )]
    [InlineData(
        "workingDirectory",
        "\"tools/{gpus}\"",
        "field 'workingDirectory': 'tools/{gpus}' names the placeholder {gpus}, which this field does not substitute"
    )]
    public void A_recipe_path_that_leaves_its_folder_is_refused_at_load_naming_the_field_and_the_fix(
        string field,
        string json,
        string expected
    )
    {
        // Act
        var message = LoadEdited(field, json);

        // Assert
        Assert.StartsWith("FILE: ", message);
        Assert.Contains(expected, message);
        Assert.Contains("; give ", message);
        Assert.DoesNotContain('\n', message);
    }

    [Theory]
    [InlineData("data.links", """{"datasets/coco": ".", "data/coco/images/train2017": "train2017", "a..b": "annotations"}""")]
    [InlineData("weights[0].path", "\"{weights}/torch/checkpoints/R-50.pkl\"")]
    [InlineData("weights[0].path", "\"pretrain_model/resnet-v1-50-0000.params\"")]
    [InlineData("workingDirectory", "\"examples/FasterRCNN\"")]
    [InlineData("log.preciseFile", "\"*.log.json\"")]
    [InlineData("log.preciseFile", "\"train_log/stats.json\"")]
    public void Paths_inside_their_folders_load(string field, string json)
    {
        // Act
        var message = LoadEdited(field, json);

        // Assert
        Assert.Equal("loaded", message);
    }

    [Fact]
    public void A_patch_file_outside_the_recipes_patches_folder_is_refused_at_load()
    {
        // Act
        var climbing = LoadEdited("patches", """[{"kind": "diff", "file": "../../../tmp/evil.diff"}]""");
        var absolute = LoadEdited("patches", """[{"kind": "diff", "file": "/tmp/evil.diff"}]""");

        // Assert
        Assert.Contains(
            "field 'patches[0].file': '../../../tmp/evil.diff' climbs out with '..'; put the diff in patches/edited/",
            climbing
        );
        Assert.Contains("field 'patches[0].file': '/tmp/evil.diff' is absolute", absolute);
    }

    [Fact]
    public void A_patched_tree_must_be_a_full_tree_hash()
    {
        // Act
        var abbreviated = LoadEdited("patchedTree", "\"557fe91\"");
        var full = LoadEdited("patchedTree", "\"557fe9194b2ca9c53f8acb6f6b866fecb756ed5d\"");

        // Assert
        Assert.Equal(
            "FILE: field 'patchedTree': '557fe91' is not a tree hash; give the 40 hex digits 'git write-tree' prints after patching, or leave it out",
            abbreviated
        );
        Assert.Equal("loaded", full);
        Assert.Equal("557fe9194b2ca9c53f8acb6f6b866fecb756ed5d", Catalog.Get("matterport").PatchedTree);
    }

    [Theory]
    [InlineData("images.global", "\"16\"", "FILE: field 'images.global' (line ", "give a whole number")]
    [InlineData("command", "\"python train.py\"", "FILE: field 'command' (line ", "give a list [...]")]
    [InlineData(
        "fullScheduleIterations",
        "3000000000",
        "FILE: field 'fullScheduleIterations' (line ",
        "3000000000 is too large: give a whole number up to 2147483647"
    )]
    [InlineData(
        "fullScheduleIterations",
        "1000000000000000000000000000000",
        "FILE: field 'fullScheduleIterations' (line ",
        "1000000000000000000000000000000 is too large: give a whole number up to 2147483647"
    )]
    [InlineData("stacks.page.architectures[0]", "70", "FILE: field 'stacks.page.architectures[0]' (line ", "give a string")]
    public void A_recipe_value_of_the_wrong_kind_is_refused_naming_the_field_and_its_line(
        string path,
        string json,
        string start,
        string fix
    )
    {
        // Act
        var message = LoadEdited(path, json);

        // Assert
        Assert.StartsWith(start, message);
        Assert.EndsWith(fix, message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void A_recipe_number_past_64_bits_is_read_as_a_number_where_the_field_is_a_double()
    {
        // Act: 10^25 is past 64 bits (JSON.NET reads it as a BigInteger) but a double holds it.
        var message = LoadEdited("published", "1" + new string('0', 25));

        // Assert: it reaches the loader's own checks (the published figure is a positive number), not a cast exception.
        Assert.True(message == "loaded" || message.StartsWith("FILE: field 'published'", StringComparison.Ordinal), message);
    }

    [Fact]
    public void A_recipe_field_its_record_does_not_have_is_refused_listing_the_fields_there()
    {
        // Act
        var message = LoadEdited(recipe => ((JObject)recipe["stop"]!)["until"] = 500);

        // Assert
        Assert.Matches(
            "^FILE: field 'stop.until' \\(line [0-9]+\\): there is no such field; the fields here are mode, arguments, explanation$",
            message
        );
    }

    [Fact]
    public void Every_recipe_reads_back_the_same_through_the_record_binder_as_through_the_serializer()
    {
        // Arrange: the serializer the catalog used before, as the reference
        var settings = new Newtonsoft.Json.JsonSerializerSettings
        {
            ContractResolver = new Newtonsoft.Json.Serialization.DefaultContractResolver
            {
                NamingStrategy = new Newtonsoft.Json.Serialization.CamelCaseNamingStrategy(),
            },
        };

        foreach (var recipe in Catalog.All)
        {
            var text = File.ReadAllText(recipe.File);

            // Act
            var bound = RecordBinder.Bind<Recipe>(JObject.Parse(text));

            // Assert: every field, the init-only ones (stacks, patchedTree, debianPackages) included
            var reference = Newtonsoft.Json.JsonConvert.DeserializeObject<Recipe>(text, settings)!;
            Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(reference), Newtonsoft.Json.JsonConvert.SerializeObject(bound));
        }
    }
}
