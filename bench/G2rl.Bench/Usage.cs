namespace G2rl.Bench;

/// <summary>The --help text.</summary>
internal static class Usage
{
    public static string Text => $"""
        G2rl.Bench: throughput benchmarks (not tests: they time, print a markdown table and write JSON).

        dotnet run -c Release --project bench/G2rl.Bench -- <benchmark> [options]

        sampler   decode tokens/s: KV-cache BatchedSampler vs NaiveGreedyDecoder (greedy, same tokens), and cached sampling
          --profile cpu|gpu        defaults below; gpu when --device is cuda
          --device cpu|cuda[:N]    (cpu)
          --dtype float32|bfloat16|float16        cpu: float32   gpu: bfloat16
          --models a,b             cpu: tiny,medium   gpu: qwen3-1.7b   (known: {string.Join(", ", ModelCatalog.Names)})
          --batches 1,8,32         cpu: 1,8,32   gpu: 64
          --prompt N               prompt tokens per row; cpu: 32   gpu: 128
          --new-tokens N           cpu: 128   gpu: 256 (EOS disabled: every row runs them all)
          --methods naive,greedy,sample            cpu: all three   gpu: sample
          --temperature T --top-p P                for 'sample' (1, 1)
          --reps N                 measured repetitions after one warm-up; the median is reported (3)
          --naive-budget-s S       max seconds for one naive measurement: fewer reps, then fewer tokens, noted (180)
          --seed N                 (1234)
          --threads N              torch threads; cpu: 1 (see bench/README.md)   gpu: 0 = torch's default
          --max-num-seqs 0,N       continuous-batching slots of the cached methods, one measurement each; 0 = all rows (0)
          --out DIR                JSON results folder (bench/results)
          --docs FILE|none         markdown file whose bench:<key> section is replaced (docs/benchmarks.md)

        prefill   prompt-processing tokens/s of the forward pass
          --models medium --batch 8 --tokens 512 --reps 3 --device cpu --dtype float32 --seed --threads (1 on cpu) --out --docs

        trainstep one training step (forward, chunked LM-head log-probs, backward, AdamW): tokens/s and peak memory
          --model medium|qwen3-1.7b|...  cpu: medium   gpu: qwen3-1.7b
          --batch N --tokens N     cpu: 2 × 128   gpu: 16 × 512
          --chunk N (1024) --reps N (3) --device --dtype (cpu float32, gpu bfloat16) --seed --threads --out --docs (none)

        features  cost of G2RL's gradient features: the old-log-prob pass without / with them, and whole GRPO steps none / g2rl
          --models a,b             (demo,medium,vocab-152k)
          --reps N                 timed training steps of each method, after one warm-up step; medians reported (3)
          --pass-reps N            timed log-prob passes of each kind, after one warm-up (5)
          --min-seconds S          repeat a cheap measurement beyond its reps until its timed total reaches S, ≤ 50 rounds (20)
          --prompts N --group N    rollouts per step; demo: 8 × 8, others: 4 × 8
          --prompt N --new-tokens N                prompt / response tokens of medium and vocab-152k (32, 128; EOS off);
                                   --new-tokens also caps the demo's responses (20, EOS on)
          --micro-batch N          rows per forward, 0 = all rows of the step (0)
          --chunk N                LM-head positions per chunk of the log-prob pass (1024)
          --kl-coef B              KL β of the steps; > 0 adds the reference model's pass (0.001)
          --steps false            skip the training steps (log-prob pass only)
          --device --dtype (float32) --seed (1234) --threads (1 on cpu) --out --docs
        """;
}
