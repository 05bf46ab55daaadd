using MaskBench.Model.Catalog;
using MaskBench.Stages;
using MaskBench.Stages.Setup;

namespace MaskBench.Tests.Chain;

public sealed class DebianPackagesSpecs
{
    [Fact]
    public async Task A_package_dpkg_does_not_list_is_missing_and_an_installed_one_is_not()
    {
        // Act
        var missing = await DebianPackages.MissingAsync(["bash", "maskbench-no-such-package"], CancellationToken.None);

        // Assert
        Assert.Equal(["maskbench-no-such-package"], missing);
    }

    [Fact]
    public async Task Without_root_Setup_says_the_one_command_that_installs_what_is_missing()
    {
        // Act
        var error = await Assert.ThrowsAsync<ChainException>(() =>
            DebianPackages.EnsureAsync(
                ["bash", "maskbench-no-such-package"],
                "Setup-Torchvision",
                privileged: false,
                CancellationToken.None
            )
        );

        // Assert
        Assert.Equal(
            "Setup-Torchvision needs the Debian packages maskbench-no-such-package: run sudo apt-get install -y --no-install-recommends maskbench-no-such-package",
            error.Message
        );
    }

    [Fact]
    public void The_smoke_implementation_names_the_Debian_packages_its_trainer_needs()
    {
        // Act
        var recipe = RecipeCatalog.Load(Paths.Repository("recipes")).Get("torchvision");

        // Assert
        Assert.Equal(["python3-torchvision", "libopenblas0-openmp"], recipe.Environment.DebianPackages);
    }
}
