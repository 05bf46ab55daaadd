using System.Collections;
using MaskBench.Engine;

namespace MaskBench.Tests.Messages;

/// <summary>A value that is not what a parameter takes is one line in MaskBench's words: what was expected, and the
/// nearest choice; never .NET's parser text.</summary>
public sealed class ValueMessageSpecs : IDisposable
{
    enum Engine
    {
        Docker,
        Podman,
        Venv,
    }

    sealed class SampleBuild
    {
        [Parameter("Where environments come from")]
        public Engine Provider = Engine.Docker;

        [Parameter("GPUs")]
        public int Gpus = 8;

        [Parameter("A ratio")]
        public double Share = 0.5;
    }

    readonly string nuke = Directory.CreateTempSubdirectory("maskbench-nuke-").FullName;

    public void Dispose() => Directory.Delete(nuke, recursive: true);

    string Refusal(params string[] args) =>
        Record
            .Exception(() =>
                ParameterBinder.Bind(
                    new SampleBuild(),
                    BuildParameter.Of(typeof(SampleBuild)),
                    CommandLine.Parse(args),
                    ParameterFiles.Load(nuke, []),
                    new Hashtable(),
                    nuke
                )
            )
            ?.Message
        ?? "(accepted)";

    [Theory]
    [InlineData(
        "--provider dockr",
        "parameter --provider (command line): 'dockr' is not one of docker, podman, venv: did you mean docker?"
    )]
    [InlineData(
        "--provider kubernetes",
        "parameter --provider (command line): 'kubernetes' is not one of docker, podman, venv: write one of them"
    )]
    [InlineData("--gpus eight", "parameter --gpus (command line): 'eight' is not a whole number: write it in digits, e.g. 8")]
    [InlineData("--gpus 1e3", "parameter --gpus (command line): '1e3' is not a whole number: write it in digits, e.g. 8")]
    [InlineData("--share half", "parameter --share (command line): 'half' is not a number: write it in digits, e.g. 0.5")]
    public void A_mistyped_value_is_answered_with_what_was_expected(string arguments, string message)
    {
        // Act
        var refusal = Refusal(arguments.Split(' '));

        // Assert
        Assert.Equal(message, refusal);
    }
}
