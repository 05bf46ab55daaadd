using MaskBench.Tools.Slurm;

namespace MaskBench.Tests.Slurm;

[Trait(Needs.Trait, Needs.Processes)]
public class ShellQuoteSpecs
{
    public static TheoryData<string> Hostile =>
        [
            "plain",
            "",
            "two words",
            "it's",
            "'",
            "''",
            "\"double\"",
            "$HOME",
            "${PATH}",
            "$(touch /tmp/maskbench-pwned)",
            "`id`",
            "a;b&&c||d|e",
            "*",
            "~",
            "~root",
            "=x",
            "back\\slash",
            "new\nline",
            "tab\there",
            "#comment",
            "!event",
            "-n",
            "--flag=with space",
            "ünïcödé 名前",
            "'$(echo nope)'\"`id`\"",
        ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Every_argument_reaches_the_program_as_exactly_itself(string argument)
    {
        // Arrange
        var line = "printf '%s\\0' " + ShellQuote.Join(["first", argument, "last"]);

        // Act
        var result = await ProcessRunner.RunAsync("/bin/bash", ["-c", line], new ProcessOptions());

        // Assert
        Assert.True(result.Started, result.Message);
        Assert.True(result.Ok, result.StandardError);
        Assert.Equal(["first", argument, "last", ""], result.StandardOutput.Split('\0'));
    }

    [Fact]
    public void Plain_words_stay_bare_and_the_rest_is_single_quoted()
    {
        // Arrange
        string[] arguments = ["/usr/bin/dotnet", "--job=a/b.json", "it's here"];

        // Act
        var line = ShellQuote.Join(arguments);

        // Assert
        Assert.Equal("/usr/bin/dotnet --job=a/b.json 'it'\\''s here'", line);
    }

    [Fact]
    public void A_NUL_character_is_refused_with_one_line()
    {
        // Act
        var error = Assert.Throws<SlurmException>(() => ShellQuote.Quote("a\0b"));

        // Assert
        Assert.Contains("NUL", error.Message);
    }
}
