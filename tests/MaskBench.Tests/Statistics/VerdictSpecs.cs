using MaskBench.Foundation.Statistics;

namespace MaskBench.Tests.Statistics;

public sealed class VerdictSpecs
{
    [Fact]
    public void The_exact_Mann_Whitney_p_matches_a_hand_count_and_three_runs_a_side_cannot_decide()
    {
        // Arrange: all 3 candidate runs below all 3 baseline runs is 1 of C(6,3) = 20 orderings: two-sided p = 2/20
        double[] candidate = [1, 2, 3];
        double[] baseline = [4, 5, 6];

        // Act
        var verdict = Verdict.Between(candidate, baseline);

        // Assert
        Assert.Equal(0.1, verdict.P!.Value, 10);
        Assert.Equal(0.1, verdict.MinimalP, 10);
        Assert.Equal(Verdict.Inconclusive, verdict.Outcome);
        Assert.Contains("run at least 4 each", verdict.Sentence);
    }

    [Fact]
    public void One_overlap_in_the_ranks_doubles_the_p_value()
    {
        // Arrange: U = 1 (only 4 > 3) happens in 2 of 20 orderings: two-sided p = 4/20
        var verdict = Verdict.Between([1, 2, 4], [3, 5, 6]);

        // Assert
        Assert.Equal(0.2, verdict.P!.Value, 10);
    }

    [Fact]
    public void The_smallest_p_five_runs_a_side_allow_is_2_over_252()
    {
        // Act
        var verdict = Verdict.Between([110, 111, 112, 113, 114], [100, 101, 102, 103, 104]);

        // Assert
        Assert.Equal(2.0 / 252, verdict.MinimalP, 12);
        Assert.Equal(2.0 / 252, verdict.P!.Value, 10);
        Assert.Equal(Verdict.Faster, verdict.Outcome);
        Assert.Equal(112.0 / 102 - 1, verdict.Effect, 12);
    }

    [Fact]
    public void A_ten_percent_shift_with_ten_runs_and_one_percent_noise_is_found_every_time()
    {
        // Arrange
        var fast = new Draws(median: 110, relativeNoise: 0.01, seed: 7);
        var slow = new Draws(median: 100, relativeNoise: 0.01, seed: 8);

        // Act
        var outcomes = Enumerable
            .Range(0, 200)
            .Select(_ => (Faster: Verdict.Between(fast.Next(10), slow.Next(10)), Slower: Verdict.Between(slow.Next(10), fast.Next(10))))
            .ToList();

        // Assert
        Assert.All(outcomes, o => Assert.Equal(Verdict.Faster, o.Faster.Outcome));
        Assert.All(outcomes, o => Assert.Equal(Verdict.Slower, o.Slower.Outcome));
    }

    [Fact]
    public void The_same_implementation_twice_never_comes_out_faster_or_slower_beyond_alpha()
    {
        // Arrange
        var draws = new Draws(median: 53, relativeNoise: 0.01, seed: 42);

        // Act
        var outcomes = Enumerable.Range(0, 1000).Select(_ => Verdict.Between(draws.Next(10), draws.Next(10)).Outcome).ToList();

        // Assert
        var wrong = outcomes.Count(o => o is Verdict.Faster or Verdict.Slower);
        Assert.InRange(wrong / 1000.0, 0, 0.05);
        Assert.True(outcomes.Count(o => o == Verdict.Same) > 500, $"same in {outcomes.Count(o => o == Verdict.Same)} of 1000 A/A trials");
    }

    [Fact]
    public void One_run_a_side_is_inconclusive_and_says_why()
    {
        // Act
        var verdict = Verdict.Between([60], [53, 54]);

        // Assert
        Assert.Equal(Verdict.Inconclusive, verdict.Outcome);
        Assert.Null(verdict.P);
        Assert.Contains("at least 2 runs a side", verdict.Sentence);
    }

    [Fact]
    public void A_significant_difference_below_the_floor_is_not_called_faster()
    {
        // Arrange: +1 % with almost no noise, floor 2 %
        double[] candidate = [101.0, 101.01, 101.02, 101.03, 101.04, 101.05];
        double[] baseline = [100.0, 100.01, 100.02, 100.03, 100.04, 100.05];

        // Act
        var verdict = Verdict.Between(candidate, baseline, new VerdictOptions(Alpha: 0.05, Floor: 0.02));

        // Assert: inside ±2 % and shown so
        Assert.True(verdict.P < 0.05);
        Assert.Equal(Verdict.Same, verdict.Outcome);
    }

    [Fact]
    public void Four_runs_a_side_are_the_fewest_that_can_reach_five_percent()
    {
        // Act, Assert: 2/C(6,3) = 0.1, 2/C(8,4) = 0.029
        Assert.Equal(4, Verdict.RunsEach(0.05));
    }
}
