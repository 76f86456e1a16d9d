using G2rl.Training.Config;

namespace G2rl.Tests.Training;

/// <summary>Non-finite numbers are refused wherever they sit: a section, a nested section or a list element.</summary>
public sealed class ConfigNumbersTests
{
    [Fact]
    public void A_valid_config_with_lists_and_nested_sections_passes()
    {
        var c = new TrainConfig
        {
            Rewards = [new RewardWeight { Name = "verifier", Weight = 1 }],
            Reward = new RewardSection { OverlongBuffer = new OverlongBufferSection { Length = 4, Penalty = 1 } },
        };
        ConfigNumbers.CheckFinite(c, "run.yaml");
    }

    [Fact]
    public void NaN_in_a_section_names_its_key() =>
        Assert.Equal("run.yaml: optim.lr must be a finite number, got NaN",
            Assert.Throws<G2rlException>(() => ConfigNumbers.CheckFinite(new TrainConfig { Optim = new OptimSection { Lr = double.NaN } }, "run.yaml")).Message);

    [Fact]
    public void Infinity_in_a_nested_section_names_its_path() =>
        Assert.Contains("reward.overlong_buffer.penalty must be a finite number",
            Assert.Throws<G2rlException>(() => ConfigNumbers.CheckFinite(new TrainConfig
            {
                Reward = new RewardSection { OverlongBuffer = new OverlongBufferSection { Length = 4, Penalty = double.PositiveInfinity } },
            }, "run.yaml")).Message, StringComparison.Ordinal);

    [Fact]
    public void NaN_in_a_list_element_names_its_index() =>
        Assert.Contains("rewards[1].weight must be a finite number",
            Assert.Throws<G2rlException>(() => ConfigNumbers.CheckFinite(new TrainConfig
            {
                Rewards = [new RewardWeight { Name = "verifier", Weight = 1 }, new RewardWeight { Name = "format", Weight = double.NaN }],
            }, "run.yaml")).Message, StringComparison.Ordinal);
}
