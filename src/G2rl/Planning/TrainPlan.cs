using System.Globalization;
using G2rl.Training.Config;

namespace G2rl.Planning;

/// <summary>
/// The plan <c>g2rl train</c> makes before loading weights: budget (given, CUDA's total memory, or on CPU /proc/meminfo's
/// MemAvailable), plan, refusal when it does not fit, and the config with <c>auto</c> resolved.
/// </summary>
public static class TrainPlan
{
    /// <summary>Plans <paramref name="config"/>; throws a <see cref="G2rlException"/> naming the key to change when it does not fit.</summary>
    public static (TrainConfig Resolved, MemoryPlan Plan) Apply(TrainConfig config, double? deviceMemoryGb = null)
    {
        var plan = Make(config, deviceMemoryGb, null).Plan;
        PlanCheck.EnsureFits(plan, config);
        return (PlanCheck.Resolve(config, plan), plan);
    }

    /// <summary>The plan and where its prompt length came from, without the fit check.</summary>
    public static (MemoryPlan Plan, string PromptSource) Make(TrainConfig config, double? deviceMemoryGb, int? promptTokens)
    {
        var (inputs, source) = PlanInputsBuilder.From(config, promptTokens);
        var cuda = Runtime.ComputeDevice.IsCuda(config.Model.Device);
        var budget = deviceMemoryGb is double gb ? DeviceBudget.FromGigabytes(gb, cuda) : DeviceBudget.Query(config.Model.Device);
        return (MemoryPlanner.Plan(inputs, config.Rollout.MaxNumSeqs, config.Batch.MaxTokensPerMicroBatch, budget), source);
    }

    /// <summary>One line for the run log: peak, budget and the resolved values.</summary>
    public static string Summary(MemoryPlan plan) => string.Create(CultureInfo.InvariantCulture,
        $"memory plan: peak {plan.Peak / 1e9:F2} GB of {plan.Device.Bytes / 1e9:F2} GB ({plan.Device.Source}, minus reserve); rollout.max_num_seqs = {plan.MaxNumSeqs}, batch.max_tokens_per_micro_batch = {plan.MaxTokensPerMicroBatch}");
}
