using System.CommandLine;
using System.Text.Json;
using G2rl.Checkpoints;
using G2rl.Data;
using G2rl.Exploration;
using G2rl.Reporting;
using G2rl.Runtime;
using G2rl.Tokenization;

namespace G2rl.Cli;

/// <summary><c>g2rl analyze</c>: the paper's §3.5 geometry (gradient-space vs semantic-space cosines) for one or more models.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var compare = new Option<string[]>("--compare") { Description = "More model folders to analyse side by side", AllowMultipleArgumentsPerToken = true };
        var bench = new Option<string>("--bench") { Description = "Benchmark name or .jsonl path", Required = true };
        var problems = new Option<int>("--problems") { DefaultValueFactory = _ => 30 };
        var samples = new Option<int>("--samples") { DefaultValueFactory = _ => 8 };
        var temperature = new Option<double>("--temperature") { DefaultValueFactory = _ => 0.8 };
        var maxNew = new Option<int>("--max-new-tokens") { DefaultValueFactory = _ => 1024 };
        var template = new Option<string>("--template") { DefaultValueFactory = _ => "qwen" };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var noEmbedding = new Option<bool>("--no-embedding") { Description = "Skip the MiniLM semantic-space cosines" };
        var outDir = new Option<string>("--out") { Required = true };
        var command = new Command("analyze", "Pairwise cosines of gradient features and of sentence embeddings within each problem's samples.")
        {
            compare, bench, problems, samples, temperature, maxNew, template, seed, noEmbedding, outDir,
        };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            var device = ComputeDevice.Resolve(parse.GetValue(model.Device)!);
            var dtype = DTypes.Parse(parse.GetValue(model.DType)!);
            var set = Training.ProblemSources.Load(parse.GetValue(bench)!).Take(parse.GetValue(problems)).ToList();
            using var encoder = parse.GetValue(noEmbedding) ? null : new MiniLmSentenceEncoder();
            var results = new List<GeometryResult>();
            foreach (var dir in new[] { parse.GetValue(model.Model)! }.Concat(parse.GetValue(compare) ?? []))
            {
                using var lm = HfCheckpoint.Load(dir, device, dtype);
                var tokenizer = TokenizerLoader.Load(dir);
                Console.Error.WriteLine($"analysing {dir} ...");
                results.Add(GeometryAnalysis.Run(dir, lm, tokenizer, PromptTemplate.FromName(parse.GetValue(template)!), set,
                    parse.GetValue(samples), parse.GetValue(temperature), parse.GetValue(maxNew), parse.GetValue(seed), encoder));
            }
            var output = parse.GetValue(outDir)!;
            GeometryReport.Write(output, results);
            Console.Out.WriteLine(GeometryReport.Table(results));
            return 0;
        });
        return command;
    }
}
