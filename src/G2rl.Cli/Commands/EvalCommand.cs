using System.CommandLine;
using G2rl.Data;
using G2rl.Evaluation;
using G2rl.Grading;

namespace G2rl.Cli;

/// <summary><c>g2rl eval</c>: sample, grade and summarise (pass@1, maj@n, pass@k) on benchmarks.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var bench = new Option<string>("--bench") { Description = "Comma-separated benchmarks (" + string.Join(", ", Benchmarks.Names) + ") or .jsonl paths", Required = true };
        var samples = new Option<int>("--samples") { Description = "Samples per problem n", DefaultValueFactory = _ => 16 };
        var temperature = new Option<double>("--temperature") { DefaultValueFactory = _ => 0.8 };
        var topP = new Option<double>("--top-p") { DefaultValueFactory = _ => 1.0 };
        var maxNew = new Option<int>("--max-new-tokens") { DefaultValueFactory = _ => 4096 };
        var limit = new Option<int>("--limit") { Description = "Only the first K problems of each benchmark (0 = all)", DefaultValueFactory = _ => 0 };
        var outDir = new Option<string?>("--out") { Description = "Folder for samples.jsonl, summary.json, summary.md" };
        var template = new Option<string>("--template") { Description = "Prompt template: qwen, plain, or a text with {question}/{instruction}", DefaultValueFactory = _ => "qwen" };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var batch = new Option<int>("--batch-prompts") { Description = "Prompts per sampler call", DefaultValueFactory = _ => 8 };
        var maxNumSeqs = MaxNumSeqsOption.Create();
        var command = new Command("eval", "Evaluate a model: pass@1, maj@n and pass@k per benchmark and micro-averaged.")
        {
            bench, samples, temperature, topP, maxNew, limit, outDir, template, seed, batch, maxNumSeqs,
        };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            CliChecks.AtLeast(parse.GetValue(samples), 1, "--samples");
            CliChecks.AtLeast(parse.GetValue(limit), 0, "--limit");
            CliChecks.AtLeast(parse.GetValue(batch), 1, "--batch-prompts");
            CliChecks.AtLeast(parse.GetValue(maxNew), 1, "--max-new-tokens");
            CliChecks.Finite(parse.GetValue(temperature), "--temperature");
            CliChecks.Finite(parse.GetValue(topP), "--top-p");
            var dir = parse.GetValue(outDir);
            if (dir is not null)
            {
                EvalReport.CheckWritable(dir);
            }
            var sets = parse.GetValue(bench)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(b => (Name: Training.ProblemSources.DisplayName(b), Problems: Training.ProblemSources.Load(b))).ToList();
            using var lm = model.Load(parse);
            CliChecks.FitsContext(parse.GetValue(maxNew), lm.Config.MaxPositionEmbeddings);
            var tokenizer = model.LoadTokenizer(parse) ?? throw new G2rlException($"{parse.GetValue(model.Model)} has no tokenizer.json");
            var options = new EvalOptions
            {
                Samples = parse.GetValue(samples),
                Temperature = parse.GetValue(temperature),
                TopP = parse.GetValue(topP),
                MaxNewTokens = parse.GetValue(maxNew),
                Seed = parse.GetValue(seed),
                PromptsPerBatch = parse.GetValue(batch),
                MaxNumSeqs = MaxNumSeqsOption.Value(parse, maxNumSeqs),
            };
            var prompt = PromptTemplate.FromName(parse.GetValue(template)!);
            var run = new EvalBenchmarks(lm, tokenizer, prompt, options, dir);
            run.Run(sets, parse.GetValue(limit));
            if (run.Results.Count > 0)
            {
                var summary = EvalSummary.Compute(run.Results, bootstrapSeed: (int)options.Seed);
                if (dir is not null)
                {
                    EvalReport.Write(dir, run.Samples, summary, new { model = parse.GetValue(model.Model), options, template = prompt.Name });
                    Console.Error.WriteLine($"wrote {dir}/samples.jsonl, summary.json, summary.md");
                }
                Console.Out.WriteLine(EvalReport.Markdown(summary));
            }
            if (run.Failures.Count > 0)
            {
                var kept = run.Results.Count > 0 ? "; the other benchmarks' results were kept" : "";
                throw new G2rlException($"{run.Failures.Count} benchmark(s) failed: {string.Join("; ", run.Failures)}{kept}");
            }
            return 0;
        });
        return command;
    }
}
