using G2rl.Training.Config;

namespace G2rl.Rewards;

/// <summary>
/// Reward functions by name: the built-ins (verifier, format, length) and those registered from code. Pass it to training through
/// <see cref="Training.TrainingContext.Rewards"/>; the config's <c>rewards</c> list picks and weights them.
/// </summary>
public sealed class RewardRegistry
{
    private static readonly string[] BuiltIns = [VerifierReward.RewardName, FormatReward.RewardName, LengthReward.RewardName];
    private readonly Dictionary<string, Func<TrainConfig, IRewardFunction>> factories = new(StringComparer.Ordinal);

    /// <summary>A registry with the built-ins only.</summary>
    public RewardRegistry()
    {
        factories[VerifierReward.RewardName] = c => new VerifierReward(c.Loss.RewardMap == "pm1");
        factories[FormatReward.RewardName] = _ => new FormatReward();
        factories[LengthReward.RewardName] = c => new LengthReward(c.Rollout.MaxNewTokens);
    }

    /// <summary>Registered names (built-ins first, then in registration order).</summary>
    public IReadOnlyList<string> Names => [.. factories.Keys];

    /// <summary>Registers <paramref name="reward"/> under its <see cref="IRewardFunction.Name"/>; returns this registry.</summary>
    public RewardRegistry Register(IRewardFunction reward)
    {
        ArgumentNullException.ThrowIfNull(reward);
        return Register(reward.Name, _ => reward);
    }

    /// <summary>Registers a reward built from the run's config (e.g. to read rollout.max_new_tokens); returns this registry.</summary>
    public RewardRegistry Register(string name, Func<TrainConfig, IRewardFunction> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (BuiltIns.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' is a built-in reward name", nameof(name));
        }
        if (!factories.TryAdd(name, factory))
        {
            throw new ArgumentException($"a reward named '{name}' is already registered", nameof(name));
        }
        return this;
    }

    /// <summary>The function named <paramref name="name"/> for <paramref name="config"/>; unknown names are a <see cref="G2rlException"/> listing the known ones.</summary>
    public IRewardFunction Create(string name, TrainConfig config, string key)
    {
        if (!factories.TryGetValue(name, out var factory))
        {
            throw new G2rlException($"{key}: unknown reward '{name}'; registered: {string.Join(", ", factories.Keys)} (register your own with RewardRegistry.Register)");
        }
        var reward = factory(config);
        return reward.Name == name ? reward : throw new G2rlException($"{key}: the reward registered as '{name}' calls itself '{reward.Name}'");
    }
}
