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
          --out DIR                JSON results folder (bench/results)
          --docs FILE|none         markdown file whose bench:<key> section is replaced (docs/benchmarks.md)

        prefill   prompt-processing tokens/s of the forward pass
          --models medium --batch 8 --tokens 512 --reps 3 --device cpu --dtype float32 --seed --threads (1 on cpu) --out --docs
        """;
}
