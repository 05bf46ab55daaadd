using MaskBench.Tools.Environments;

namespace MaskBench.Tests.Checking;

public class CompileAsUserSpecs
{
    [Fact]
    public void Setup_compiles_as_the_invoking_user_so_the_source_tree_holds_no_root_files()
    {
        // Act
        var asUser = ContainerEnvironment.CompileArguments("c", "/src", "img", ["python", "setup.py", "develop"], "1000:1000");
        var asImageUser = ContainerEnvironment.CompileArguments("c", "/src", "img", ["make"], null);

        // Assert
        Assert.Equal(
            [
                "run",
                "--name",
                "c",
                "--user",
                "1000:1000",
                "-e",
                "HOME=/tmp",
                "-v",
                "/src:/src",
                "-w",
                "/src",
                "img",
                "python",
                "setup.py",
                "develop",
            ],
            asUser
        );
        Assert.Equal(["run", "--name", "c", "-v", "/src:/src", "-w", "/src", "img", "make"], asImageUser);
    }
}
