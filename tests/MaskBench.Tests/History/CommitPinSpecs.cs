using MaskBench.History;
using MaskBench.Tools.Git;

namespace MaskBench.Tests.History;

public sealed class CommitPinSpecs : IDisposable
{
    readonly SpeedRepository repository = SpeedRepository.Step(count: 3, firstSlow: 2);

    [Fact]
    public async Task A_user_can_pin_an_abbreviated_commit_and_get_its_full_hash()
    {
        var full = await CommitPin.Resolve(repository.Clone, repository.Commits[1][..7], default);
        Assert.Equal(repository.Commits[1], full);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdef012345678")]
    public void A_pin_that_is_not_a_hash_is_refused(string pin)
    {
        Assert.Contains("is not a commit hash: pass 4 to 40 hexadecimal digits", CommitPin.Invalid(pin));
    }

    [Fact]
    public async Task An_unknown_commit_is_refused_in_one_line()
    {
        var error = await Assert.ThrowsAsync<GitException>(() => CommitPin.Resolve(repository.Clone, new string('f', 40), default));
        Assert.Contains("is not in", error.Message);
        Assert.Contains("fetch the branch that holds it", error.Message);
    }

    public void Dispose() => repository.Dispose();
}
