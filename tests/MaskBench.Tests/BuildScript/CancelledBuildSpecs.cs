using System.Diagnostics;

namespace MaskBench.Tests.BuildScript;

/// <summary>SIGTERM to the real <c>./build.sh</c> while it waits on something that hangs: the build says it was
/// cancelled and ends, with nothing of its own left running.</summary>
[Trait(Needs.Trait, Needs.Processes)]
public class CancelledBuildSpecs
{
    [Fact(Timeout = 180_000)]
    public async Task SIGTERM_while_preflight_waits_on_a_hung_nvidia_smi_is_a_cancellation_not_a_bug()
    {
        // Arrange: a stand-in nvidia-smi first on PATH that marks its start and never answers
        using var build = new BuildScript();
        var standIns = Directory.CreateDirectory(Path.Combine(build.Work, "stand-ins")).FullName;
        var started = Path.Combine(build.Work, "nvidia-smi.started");
        var smi = Path.Combine(standIns, "nvidia-smi");
        File.WriteAllText(smi, $"#!/bin/sh\necho $$ > '{started}'\nexec sleep 1000\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(smi, (UnixFileMode)0b111_101_101);
        using var process = Start(
            build,
            standIns,
            ["Train-Torchvision", "--skip", "--gpus", "1", "--provider", "venv", "--coco", "synthetic"]
        );
        var stderr = process.StandardError.ReadToEndAsync();

        // Act
        while (!File.Exists(started) && !process.HasExited)
            await Task.Delay(50);
        await Task.Delay(200);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            await kill.WaitForExitAsync();
        await process.WaitForExitAsync();

        // Assert
        var error = await stderr;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("error: cancelled (Ctrl-C, SIGTERM or SIGHUP) before the targets ran", error);
        Assert.DoesNotContain("a bug in MaskBench", error);
        var stand = int.Parse(File.ReadAllText(started).Trim());
        Assert.False(Directory.Exists($"/proc/{stand}"), "the hung nvidia-smi must be stopped");
    }

    [Fact(Timeout = 180_000)]
    public async Task SIGTERM_during_Data_stops_the_generation_and_leaves_no_dataset()
    {
        // Arrange: a dataset far too large to finish
        using var build = new BuildScript();
        var images = Path.Combine(build.WorkDir, "data", "synthetic-coco.partial", "train2017");
        using var process = Start(build, "/nonexistent", ["Data", "--synthetic-images", "99999999"]);
        var stderr = process.StandardError.ReadToEndAsync();

        // Act: SIGTERM once the generation has written an image
        while (!(Directory.Exists(images) && Directory.EnumerateFiles(images).Any()) && !process.HasExited)
            await Task.Delay(50);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            await kill.WaitForExitAsync();
        await process.WaitForExitAsync();

        // Assert
        await stderr;
        Assert.Equal(1, process.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(build.WorkDir, "data", "synthetic-coco")), "no dataset that looks finished");
        Assert.False(Directory.Exists(Path.GetDirectoryName(images)), "the partial images are removed");
        var stamps = Path.Combine(build.WorkDir, "stamps");
        Assert.Empty(Directory.Exists(stamps) ? Directory.GetFiles(stamps, "Data*") : []);
    }

    static Process Start(BuildScript build, string pathFirst, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(Paths.Repository("build.sh"))
        {
            WorkingDirectory = Paths.Root,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
        };
        foreach (var argument in arguments.Concat(["--work-dir", build.WorkDir, "--artifacts-dir", build.ArtifactsDir]))
            start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["PATH"] = $"{pathFirst}:{Environment.GetEnvironmentVariable("PATH")}";
        return Process.Start(start)!;
    }
}
