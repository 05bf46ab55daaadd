using MaskBench.Development;

namespace MaskBench.Tests.BuildScript;

public class TestSummarySpecs
{
    [Fact]
    public void The_counts_of_each_group_that_ran_are_one_table_with_the_totals()
    {
        // Arrange: the second group failed, so the suite stopped there
        TestGroupCounts[] groups = [new("in-process", 412, 0, 0, 31.4), new("processes", 97, 2, 1, 120.6)];

        // Act
        var table = TestSummary.Markdown(groups);

        // Assert
        Assert.Equal(
            """
            | Test group | Passed | Failed | Skipped | Seconds |
            |---|--:|--:|--:|--:|
            | in-process | 412 | 0 | 0 | 31 |
            | processes | 97 | 2 | 1 | 121 |
            | **all** | 509 | 2 | 1 | 152 |

            """,
            table
        );
        Assert.Equal("97 passed, 2 failed, 1 skipped", groups[1].ToString());
    }

    [Fact]
    public void Each_group_leaves_a_trx_file_named_after_it_in_the_results_folder()
    {
        // Arrange
        var artifacts = Path.GetFullPath("/checkout/artifacts");

        // Act
        var folder = TestSummary.In(artifacts);
        var arguments = TestSummary.TrxArguments("podman", folder);

        // Assert
        Assert.Equal(Path.Combine(artifacts, "test-results"), folder);
        Assert.Equal(["--logger", "trx;LogFileName=podman.trx", "--results-directory", folder], arguments);
    }

    [Fact]
    public void The_table_is_written_again_after_each_group()
    {
        // Arrange
        var folder = Path.Combine(Directory.CreateTempSubdirectory("maskbench-test-results-").FullName, "test-results");
        try
        {
            // Act
            TestSummary.Write(folder, [new("in-process", 1, 0, 0, 1)]);
            TestSummary.Write(folder, [new("in-process", 1, 0, 0, 1), new("npm", 0, 1, 0, 2)]);

            // Assert
            var written = File.ReadAllText(Path.Combine(folder, TestSummary.FileName));
            Assert.Contains("| npm | 0 | 1 | 0 | 2 |\n", written);
            Assert.Contains("| **all** | 1 | 1 | 0 | 3 |\n", written);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
