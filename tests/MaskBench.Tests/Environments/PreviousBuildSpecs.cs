using MaskBench.Tests.Git;
using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Environments;

public sealed class PreviousBuildSpecs
{
    [Fact]
    public void A_new_compile_never_reuses_the_object_files_of_the_last_one()
    {
        // Arrange: a source tree with a previous compile's build/ (object files) and its built module
        using var upstream = new UpstreamFixture();
        upstream.Commit("pin", ("setup.py", "print()"), (".gitignore", "build/\n*.so\n"));
        var objects = Path.Combine(upstream.Upstream, "build", "temp.linux-x86_64-cpython-313", "ROIAlign.o");
        Directory.CreateDirectory(Path.GetDirectoryName(objects)!);
        File.WriteAllText(objects, "compiled against the old torch");

        // Act
        var removed = PreviousBuild.Remove(upstream.Upstream);

        // Assert
        Assert.True(removed);
        Assert.False(Directory.Exists(Path.Combine(upstream.Upstream, "build")));
        Assert.True(File.Exists(Path.Combine(upstream.Upstream, "setup.py")));
    }

    [Fact]
    public void A_build_folder_the_upstream_tracks_is_the_upstream_s_own_and_is_kept()
    {
        // Arrange
        using var upstream = new UpstreamFixture();
        upstream.Commit("pin", ("build/config.mk", "USE_CUDA=1"));

        // Act
        var removed = PreviousBuild.Remove(upstream.Upstream);

        // Assert
        Assert.False(removed);
        Assert.True(File.Exists(Path.Combine(upstream.Upstream, "build", "config.mk")));
    }
}
