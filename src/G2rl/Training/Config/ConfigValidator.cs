namespace G2rl.Training.Config;

/// <summary>Range and choice checks of a <see cref="TrainConfig"/>, with errors naming the key.</summary>
public static class ConfigValidator
{
    public static void Validate(TrainConfig c, string source)
    {
        void Check(bool ok, string key, string rule)
        {
            if (!ok)
            {
                throw new G2rlException($"{source}: {key} {rule}");
            }
        }

        Check(c.Model.Path.Length > 0, "model.path", "is required");
        if (c.Model.Lora is { } lora)
        {
            Check(lora.Rank >= 1, "model.lora.rank", "must be ≥ 1");
            Check(lora.Alpha > 0, "model.lora.alpha", "must be > 0");
            Check(lora.Dropout is >= 0 and < 1, "model.lora.dropout", "must be in [0, 1)");
            Check(lora.Targets.Count > 0 && lora.Targets.Distinct().Count() == lora.Targets.Count, "model.lora.targets", "must list distinct layer names");
            Check(lora.Targets.All(G2rl.Model.LoraOptions.AllLinear.Contains), "model.lora.targets", $"must be among {string.Join(", ", G2rl.Model.LoraOptions.AllLinear)}");
            Check(lora.Dropout == 0 || !c.Batch.GradientCheckpointing, "model.lora.dropout", "must be 0 with batch.gradient_checkpointing (the recomputed forward would draw other dropout masks)");
        }
        Check(c.Data.Train.Count > 0, "data.train", "needs at least one dataset");
        ConfigNumbers.CheckFinite(c, source);
        Check(c.Rollout.GroupSize >= 2, "rollout.group_size", "must be ≥ 2 (with one rollout per prompt every group-relative advantage is 0 and nothing is learned)");
        Check(c.Rollout.PromptsPerStep >= 1, "rollout.prompts_per_step", "must be ≥ 1");
        Check(c.Rollout.Temperature > 0, "rollout.temperature", "must be > 0 (log-probs are taken at this temperature)");
        Check(c.Rollout.TopP is > 0 and <= 1, "rollout.top_p", "must be in (0, 1]");
        Check(c.Rollout.TopK >= 0, "rollout.top_k", "must be ≥ 0");
        Check(c.Rollout.MaxNewTokens >= 1, "rollout.max_new_tokens", "must be ≥ 1");
        Check(c.Rollout.OldLogprobs is "recompute" or "sampler", "rollout.old_logprobs", "must be recompute or sampler");
        Check(c.Rollout.OldLogprobs != "sampler" || (c.Rollout.TopP == 1 && c.Rollout.TopK == 0), "rollout.old_logprobs", "= sampler needs top_p = 1 and top_k = 0 (otherwise the sampler's distribution is not π_old at temperature T)");
        Check(c.Optim.Lr > 0, "optim.lr", "must be > 0");
        Check(c.Optim.Beta1 is >= 0 and < 1 && c.Optim.Beta2 is >= 0 and < 1, "optim.beta1/beta2", "must be in [0, 1)");
        Check(c.Optim.Eps > 0 && c.Optim.WeightDecay >= 0 && c.Optim.GradClip >= 0, "optim.eps/weight_decay/grad_clip", "must be > 0 / ≥ 0 / ≥ 0");
        Check(c.Optim.WarmupSteps >= 0, "optim.warmup_steps", "must be ≥ 0");
        Check(c.Optim.Schedule is "constant" or "cosine", "optim.schedule", "must be constant or cosine");
        Check(c.Batch.MicroBatchSize >= 1 && c.Batch.PpoEpochs >= 1 && c.Batch.MiniBatches >= 1, "batch.micro_batch_size/ppo_epochs/mini_batches", "must be ≥ 1");
        Check(c.Batch.MiniBatches <= c.Rollout.PromptsPerStep * c.Rollout.GroupSize, "batch.mini_batches", "cannot exceed the rollouts per step");
        Check(c.Batch.LogprobChunk >= 1, "batch.logprob_chunk", "must be ≥ 1");
        Check(c.Loss.Advantage is "grpo" or "dr_grpo" or "rloo", "loss.advantage", "must be grpo, dr_grpo or rloo");
        Check(c.Loss.Advantage != "rloo" || c.Rollout.GroupSize >= 2, "loss.advantage", "= rloo needs rollout.group_size ≥ 2");
        Check(c.Loss.RewardMap is "pm1" or "binary", "loss.reward_map", "must be pm1 or binary");
        Check(c.Loss.ClipLow is > 0 and < 1 && c.Loss.ClipHigh > 0, "loss.clip_low/clip_high", "must be in (0, 1) / > 0");
        Check(c.Loss.DualClip is null or > 1, "loss.dual_clip", "must be > 1 or null");
        Check(c.Loss.KlCoef >= 0, "loss.kl_coef", "must be ≥ 0");
        Check(c.Loss.KlEstimator is "k1" or "k2" or "k3", "loss.kl_estimator", "must be k1, k2 or k3");
        Check(c.Loss.Aggregation is "token_mean" or "seq_mean_token_mean" or "seq_mean_token_sum_norm", "loss.aggregation", "must be token_mean, seq_mean_token_mean or seq_mean_token_sum_norm");
        Check(c.Loss.ScaleRewards is null or "group" or "batch" or "none", "loss.scale_rewards", "must be group, batch or none");
        Check(c.Loss.Advantage != "dr_grpo" || c.Loss.ScaleRewards is null or "none", "loss.scale_rewards", "must be none with advantage dr_grpo (Dr.GRPO is grpo without scaling; use advantage: grpo with scale_rewards: group or batch)");
        Check(c.Loss.ImportanceSampling is "token" or "sequence", "loss.importance_sampling", "must be token or sequence");
        Check(c.Loss.TopEntropyQuantile is > 0 and <= 1, "loss.top_entropy_quantile", "must be in (0, 1]");
        Check(c.Rollout.DynamicSampling is null or { Metric: "accuracy" or "reward" }, "rollout.dynamic_sampling.metric", "must be accuracy or reward");
        Check(c.Rollout.DynamicSampling is null or { MaxBatches: >= 1 }, "rollout.dynamic_sampling.max_batches", "must be ≥ 1");
        Check(c.Reward.OverlongBuffer is null || (c.Reward.OverlongBuffer.Length >= 1 && c.Reward.OverlongBuffer.Length <= c.Rollout.MaxNewTokens), "reward.overlong_buffer.length", "must be in [1, rollout.max_new_tokens]");
        Check(c.Reward.OverlongBuffer is null || c.Reward.OverlongBuffer.Penalty >= 0, "reward.overlong_buffer.penalty", "must be ≥ 0");
        Check(c.Log.CompletionsEvery >= 0, "log.completions_every", "must be ≥ 0 (0 = never)");
        Check(c.Rewards.Count > 0 && c.Rewards.All(r => r.Name.Length > 0 && double.IsFinite(r.Weight)), "rewards", "needs at least one {name, weight} entry with a name and a finite weight");
        Check(c.Rewards.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count() == c.Rewards.Count, "rewards", "lists a name twice");
        Check(c.Exploration.Method is "none" or "g2rl" or "entropy" or "evol", "exploration.method", "must be none, g2rl, entropy or evol");
        Check(c.Exploration.Mode is "printed" or "prose", "exploration.mode", "must be printed or prose");
        Check(c.Exploration.Lambda >= 0 && c.Exploration.Clip > 0, "exploration.lambda/clip", "must be ≥ 0 / > 0");
        Check(c.Exploration.Weighting is "uniform" or "entropy", "exploration.weighting", "must be uniform or entropy");
        Check(c.Exploration.EntropyCoef >= 0 && c.Exploration.EvolTailChars >= 0, "exploration.entropy_coef/evol_tail_chars", "must be ≥ 0");
        Check(c.Eval.Every >= 0 && c.Eval.Samples >= 1 && c.Eval.Temperature >= 0 && c.Eval.Limit >= 0 && c.Eval.MaxNewTokens >= 0, "eval", "every/limit/max_new_tokens must be ≥ 0, samples ≥ 1, temperature ≥ 0");
        Check(c.Checkpoint.Every >= 0 && c.Checkpoint.KeepLast >= 1, "checkpoint.every/keep_last", "must be ≥ 0 / ≥ 1");
        Check(c.Run.Steps >= 1 && c.Run.MaxBadSteps >= 1 && c.Run.Threads >= 0, "run.steps/max_bad_steps/threads", "must be ≥ 1 / ≥ 1 / ≥ 0");
        Check(c.Run.OutputDir.Length > 0, "run.output_dir", "is required");
    }
}
