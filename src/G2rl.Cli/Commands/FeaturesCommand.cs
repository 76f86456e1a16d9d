using System.CommandLine;
using G2rl.Exploration;
using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Cli;

/// <summary><c>g2rl features</c>: G2RL gradient features of given sequences, as JSON.</summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var input = new Option<string>("--input") { Description = "JSON {\"input_ids\", \"attention_mask\", \"response_start\": [int per row]} (format of g2rl score)", Required = true };
        var temperature = new Option<double>("--temperature") { Description = "T in p_t = softmax(z_t / T)", DefaultValueFactory = _ => 1.0 };
        var perToken = new Option<bool>("--per-token") { Description = "Also print token_features [B, T−1, d]" };
        var command = new Command("features", "Print {\"sequence_features\": [B, d]} (mean of φ_t over targets from response_start on) and optionally \"token_features\".")
        {
            input, temperature, perToken,
        };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            using var lm = model.Load(parse);
            var batch = TokenBatchInput.Load(parse.GetValue(input)!, lm.Config.VocabSize);
            var t = parse.GetValue(temperature);
            if (t <= 0)
            {
                throw new G2rlException("--temperature must be positive");
            }
            using var scope = NewDisposeScope();
            var (ids, mask) = ScoreCommand.Tensors(lm, batch);
            var targets = TargetMask(batch, mask, lm.Device);
            var sequence = ScoreCommand.Rows(GradientFeatures.SequenceFeatures(lm, ids, mask, targets, t));
            if (!parse.GetValue(perToken))
            {
                JsonOutput.Write(new { sequence_features = sequence });
                return 0;
            }
            Tensor hidden;
            using (torch.no_grad())
            {
                hidden = lm.Hidden(ids, AttentionMasks.PositionIds(mask), AttentionMasks.Causal(mask, 0, batch.Length, lm.DType));
            }
            var tokens = GradientFeatures.TokenFeatures(hidden, lm.LmHeadWeight, ids, targets, t).cpu();
            var d = (int)tokens.shape[2];
            var flat = tokens.data<float>().ToArray();
            var perRow = Enumerable.Range(0, batch.Batch).Select(b => Enumerable.Range(0, batch.Length - 1)
                .Select(s => flat.AsSpan(((b * (batch.Length - 1)) + s) * d, d).ToArray()).ToArray()).ToArray();
            JsonOutput.Write(new { sequence_features = sequence, token_features = perRow });
            return 0;
        });
        return command;
    }

    /// <summary>[B, T−1]: target t (token t+1) counts when it is a real token at or after response_start (all real targets without it).</summary>
    private static Tensor TargetMask(TokenBatchInput batch, Tensor mask, Device device)
    {
        var cols = batch.Length - 1;
        var values = new float[batch.Batch * cols];
        for (var b = 0; b < batch.Batch; b++)
        {
            var start = batch.ResponseStart?[b] ?? 1;
            for (var t = 0; t < cols; t++)
            {
                values[(b * cols) + t] = t + 1 >= start && batch.AttentionMask[b][t + 1] == 1 ? 1 : 0;
            }
        }
        return torch.tensor(values, [batch.Batch, cols], device: device);
    }
}
