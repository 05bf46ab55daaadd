using MaskBench.Foundation.Files;

namespace MaskBench.Tests.Files;

/// <summary>The one writer of whole files (<see cref="AtomicFile"/>): old content or new, never half, and no temporary
/// file left behind, whatever happened.</summary>
public sealed class AtomicFileSpecs : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("maskbench-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, true);

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_content_and_no_temporary_file()
    {
        // Arrange
        var path = Path.Combine(folder, "index.db");
        AtomicFile.WriteAllText(path, "old");

        // Act
        var error = Assert.Throws<InvalidOperationException>(() =>
            AtomicFile.Write(
                path,
                temporary =>
                {
                    File.AppendAllText(temporary, "half of the new");
                    throw new InvalidOperationException("the database build failed");
                }
            )
        );

        // Assert
        Assert.Equal("the database build failed", error.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["index.db"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_new_file_is_never_written_over_one_that_exists()
    {
        // Arrange
        var path = Path.Combine(folder, "record.json");
        AtomicFile.WriteNew(path, "first");

        // Act
        Assert.Throws<IOException>(() => AtomicFile.WriteNew(path, "second"));

        // Assert
        Assert.Equal("first", File.ReadAllText(path));
        Assert.Equal(["record.json"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_written_with_a_mode_has_that_mode()
    {
        // Arrange
        var path = Path.Combine(folder, "nested", "job.sh");
        var executable = (UnixFileMode)0b111_101_101;

        // Act
        AtomicFile.WriteAllText(path, "#!/bin/sh\n", executable);

        // Assert
        Assert.Equal("#!/bin/sh\n", File.ReadAllText(path));
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == executable);
    }
}
