using System.CommandLine;
using System.Text.Json;
using G2rl.Data;
using G2rl.Grading;
using G2rl.Sampling;
using G2rl.Tokenization;

namespace G2rl.Cli;

/// <summary>
/// <c>g2rl generate</c>: continue token ids (<c>--input</c>, JSON <c>{"tokens": [[...]]}</c>) or text prompts
/// (<c>--prompt</c>/<c>--prompts</c>, JSONL with one line per sample) with the KV-cache sampler.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var input = new Option<string?>("--input") { Description = "JSON file {\"input_ids\": [[...]], \"attention_mask\": [[...]]} (left-padded)" };
        var prompt = new Option<string?>("--prompt") { Description = "A text prompt (needs tokenizer.json in the model folder)" };
        var promptsFile = new Option<string?>("--prompts") { Description = "JSONL file, one {\"prompt\": \"...\"} (or a JSON string) per line" };
        var template = new Option<string>("--template") { Description = "Wrap text prompts: none, qwen (chat with the paper's instruction), plain", DefaultValueFactory = _ => "none" };
        var samples = new Option<int>("--samples") { Description = "Samples per prompt (G)", DefaultValueFactory = _ => 1 };
        var maxNew = new Option<int>("--max-new-tokens") { Description = "New tokens per row", DefaultValueFactory = _ => 64 };
        var greedy = new Option<bool>("--greedy") { Description = "Argmax decoding (same as --temperature 0)" };
        var temperature = new Option<double>("--temperature") { DefaultValueFactory = _ => 1.0 };
        var topP = new Option<double>("--top-p") { DefaultValueFactory = _ => 1.0 };
        var topK = new Option<int>("--top-k") { DefaultValueFactory = _ => 0 };
        var minP = new Option<double>("--min-p") { DefaultValueFactory = _ => 0.0 };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var maxNumSeqs = MaxNumSeqsOption.Create();
        var command = new Command("generate", "Sample continuations with the KV-cache sampler.")
        {
            input, prompt, promptsFile, template, samples, maxNew, greedy, temperature, topP, topK, minP, seed, maxNumSeqs,
        };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            var sources = new[] { parse.GetValue(input), parse.GetValue(prompt), parse.GetValue(promptsFile) }.Count(s => s is not null);
            if (sources != 1)
            {
                throw new G2rlException("give exactly one of --input, --prompt or --prompts");
            }
            CliChecks.AtLeast(parse.GetValue(samples), 1, "--samples");
            CliChecks.AtLeast(parse.GetValue(maxNew), 1, "--max-new-tokens");
            CliChecks.Finite(parse.GetValue(temperature), "--temperature");
            CliChecks.Finite(parse.GetValue(topP), "--top-p");
            CliChecks.Finite(parse.GetValue(minP), "--min-p");
            using var lm = model.Load(parse);
            CliChecks.FitsContext(parse.GetValue(maxNew), lm.Config.MaxPositionEmbeddings);
            var options = new SamplingOptions
            {
                Temperature = parse.GetValue(greedy) ? 0 : parse.GetValue(temperature),
                TopP = parse.GetValue(topP),
                TopK = parse.GetValue(topK),
                MinP = parse.GetValue(minP),
                MaxNewTokens = parse.GetValue(maxNew),
                EosTokenIds = lm.Config.EosTokenIds,
            }.Validate();
            if (parse.GetValue(input) is { } inputPath)
            {
                var batch = TokenBatchInput.Load(inputPath, lm.Config.VocabSize);
                var prompts = batch.InputIds.Select((r, b) => (IReadOnlyList<int>)r.Where((_, j) => batch.AttentionMask[b][j] == 1).Select(x => (int)x).ToList()).ToList();
                var result = new BatchedSampler(lm) { MaxNumSeqs = MaxNumSeqsOption.Value(parse, maxNumSeqs) }.Sample(prompts, 1, options, parse.GetValue(seed));
                var pad = lm.Config.PadTokenId ?? (lm.Config.EosTokenIds.Count > 0 ? lm.Config.EosTokenIds[0] : 0);
                // As transformers' generate: a row that hit EOS is padded to the requested length.
                JsonOutput.Write(new { tokens = result.Select(r => r.ResponseIds.Concat(Enumerable.Repeat(pad, options.MaxNewTokens - r.ResponseIds.Count)).ToArray()).ToArray() });
                return 0;
            }
            var tokenizer = model.LoadTokenizer(parse) ?? throw new G2rlException($"{parse.GetValue(model.Model)} has no tokenizer.json: text prompts need one (or use --input ids.json)");
            var texts = parse.GetValue(prompt) is { } single ? [single] : ReadPrompts(parse.GetValue(promptsFile)!);
            var chosen = parse.GetValue(template)! is "none" ? null : PromptTemplate.FromName(parse.GetValue(template)!);
            var sampler = new BatchedSampler(lm, tokenizer) { MaxNumSeqs = MaxNumSeqsOption.Value(parse, maxNumSeqs) };
            WriteSamples(sampler, lm, tokenizer, texts, chosen, parse.GetValue(samples), options, parse.GetValue(seed));
            return 0;
        });
        return command;
    }

    private static void WriteSamples(BatchedSampler sampler, G2rl.Model.ICausalLm lm, ITextTokenizer tokenizer, IReadOnlyList<string> texts, PromptTemplate? template, int groupSize, SamplingOptions options, long seed)
    {
        var prompts = texts.Select(t => tokenizer.Encode(template?.Render(t, AnswerKind.Math) ?? t)).ToList();
        var result = sampler.Sample(prompts, groupSize, options with { EosTokenIds = StopTokens.Of(lm.Config, tokenizer, template) }, seed);
        for (var i = 0; i < result.Count; i++)
        {
            var r = result[i];
            JsonOutput.Write(new
            {
                prompt_index = r.PromptIndex,
                sample = i % groupSize,
                prompt = texts[r.PromptIndex],
                response = r.Text,
                response_ids = r.ResponseIds,
                finish_reason = r.Finish.ToString().ToLowerInvariant(),
                logprob = r.ResponseLogProbs.Sum(),
            });
        }
    }

    private static List<string> ReadPrompts(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"prompts file not found: {path}");
        }
        var result = new List<string>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                result.Add(root.ValueKind == JsonValueKind.String ? root.GetString()!
                    : root.TryGetProperty("prompt", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()!
                    : throw new G2rlException($"{path} line {lineNo}: expected a JSON string or an object with a string field 'prompt'"));
            }
            catch (JsonException ex)
            {
                throw new G2rlException($"{path} line {lineNo}: malformed JSON: {ex.Message}", ex);
            }
        }
        return result.Count > 0 ? result : throw new G2rlException($"{path}: no prompts");
    }
}
