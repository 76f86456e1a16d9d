using System.CommandLine;
using G2rl.Model;
using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Cli;

/// <summary><c>g2rl score</c>: per-token log-probabilities of given sequences, as JSON.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var model = new ModelArguments();
        var input = new Option<string>("--input") { Description = "JSON file {\"input_ids\": [[...]], \"attention_mask\": [[...]]}", Required = true };
        var command = new Command("score", "Print {\"token_logprobs\": [B, T-1]}: entry [b][t] = log p(ids[b][t+1] | ids[b][..t]); masked targets give 0.") { input };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            using var lm = model.Load(parse);
            var batch = TokenBatchInput.Load(parse.GetValue(input)!, lm.Config.VocabSize);
            JsonOutput.Write(new { token_logprobs = Score(lm, batch) });
            return 0;
        });
        return command;
    }

    private static float[][] Score(Qwen3ForCausalLM lm, TokenBatchInput batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var (ids, mask) = Tensors(lm, batch);
        var hidden = lm.Hidden(ids, AttentionMasks.PositionIds(mask), AttentionMasks.Causal(mask, 0, batch.Length, lm.DType));
        var targets = mask.narrow(1, 1, batch.Length - 1);
        var (logp, _) = TokenLogProbs.Compute(hidden, lm.LmHeadWeight, ids, targets);
        return Rows(logp);
    }

    internal static (Tensor Ids, Tensor Mask) Tensors(ICausalLm lm, TokenBatchInput batch) =>
        (torch.tensor(batch.InputIds.SelectMany(r => r).ToArray(), [batch.Batch, batch.Length], device: lm.Device),
         torch.tensor(batch.AttentionMask.SelectMany(r => r).ToArray(), [batch.Batch, batch.Length], device: lm.Device));

    internal static float[][] Rows(Tensor t)
    {
        var cpu = t.to(ScalarType.Float32).cpu();
        var cols = (int)cpu.shape[1];
        var flat = cpu.data<float>().ToArray();
        return Enumerable.Range(0, (int)cpu.shape[0]).Select(b => flat.Skip(b * cols).Take(cols).ToArray()).ToArray();
    }
}
