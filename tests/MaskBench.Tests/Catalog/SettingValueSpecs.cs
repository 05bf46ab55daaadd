using MaskBench.Benchmark;
using MaskBench.Model.Catalog;
using MaskBench.Model.Logs;
using MaskBench.Stages;

namespace MaskBench.Tests.Catalog;

/// <summary>A whole-number setting given with <c>--set</c>: ASCII digits only, and the message names the selected
/// implementations, not every recipe that has the setting.</summary>
public class SettingValueSpecs
{
    static readonly RecipeCatalog Catalog = RecipeCatalog.Load(Paths.Repository("recipes"));

    static string? Refusal(string set, params string[] selected) => Refusal(set, 1, selected);

    static string? Refusal(string set, int repeats, params string[] selected)
    {
        var parts = set.Split('=', 2);
        var settings = new BenchmarkSettings(
            Window.Page,
            0,
            null,
            16,
            TimeSpan.FromHours(2),
            Provider.Venv,
            null,
            new Dictionary<string, string> { [parts[0]] = parts[1] },
            new Dictionary<string, string>(),
            null,
            null,
            repeats
        );
        try
        {
            SettingsCheck.Ensure(settings, Catalog.All, Catalog.Select(selected), name => $"--{name.ToLowerInvariant()} {set}");
            return null;
        }
        catch (ChainException e)
        {
            return e.Message;
        }
    }

    [Theory]
    [InlineData("٢")]
    [InlineData("２")]
    [InlineData("+2")]
    [InlineData("2 ")]
    [InlineData(" 2")]
    [InlineData("0x2")]
    [InlineData("2.0")]
    [InlineData("1e1")]
    [InlineData("0")]
    public void A_user_giving_a_batch_that_is_not_plain_digits_is_refused_naming_only_the_selected_implementation(string value)
    {
        // Act: on the CPU detectron2 and maskrcnn-benchmark both count images by cpu_batch; only detectron2 is chosen
        var message = Refusal($"cpu_batch={value}", "detectron2");

        // Assert
        Assert.Equal(
            $"--set cpu_batch={value}: cpu_batch is detectron2's images per iteration, a positive whole number in ASCII digits with no sign or spaces, e.g. cpu_batch=8, not '{value}'",
            message
        );
    }

    [Fact]
    public void A_user_giving_plain_digits_is_not_refused()
    {
        // Act
        var message = Refusal("cpu_batch=4", "detectron2");

        // Assert
        Assert.Null(message);
    }

    [Fact]
    public void A_user_setting_a_key_only_an_unselected_recipe_has_is_told_the_selected_recipes_have_none()
    {
        // Act: cpu_batch is detectron2's and maskrcnn-benchmark's, not mmdetection's
        var message = Refusal("cpu_batch=4", "mmdetection");

        // Assert
        Assert.NotNull(message);
        Assert.StartsWith("--set cpu_batch=4: no selected recipe (mmdetection) has the setting 'cpu_batch'", message);
    }

    [Fact]
    public void A_user_typing_100000_repeats_is_refused_with_the_upper_bound()
    {
        // Act
        var message = Refusal("cpu_batch=4", 100_000, "detectron2");

        // Assert
        Assert.NotNull(message);
        Assert.Contains("give 1 to 1000 runs per implementation", message);
    }
}
