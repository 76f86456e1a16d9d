using G2rl.Checkpoints;
using G2rl.Data;
using G2rl.Model;
using G2rl.Sampling;
using G2rl.Tests.Support;
using G2rl.Tests.Tokenization;
using G2rl.Tokenization;
using TorchSharp;

namespace G2rl.Tests.Sampling;

/// <summary>
/// Responses end on the template's end-of-turn (qwen: &lt;|im_end|&gt;) as well as on the checkpoint's EOS ids from config.json and
/// generation_config.json, so a base model that closes its turn does not go on inventing new turns.
/// </summary>
public sealed class StopTokensTests
{
    private const int ImEnd = 151645;
    private const int EndOfText = 151643;

    /// <summary>The fixture tokenizer.json alone (no tokenizer_config.json): its EOS is &lt;|endoftext|&gt;, as for Qwen3 base checkpoints.</summary>
    private static QwenTokenizer BaseTokenizer()
    {
        using var dir = new TempDir();
        var path = dir.Sub("tokenizer.json.gz");
        File.Copy(TokenizerTestFiles.QwenTokenizerGz, path);
        return QwenTokenizer.Load(path);
    }

    [Fact]
    public void QwenTemplateAddsImEndToABaseCheckpointsEndOfText()
    {
        var tokenizer = BaseTokenizer();
        var config = new Qwen3Config { EosTokenIds = [EndOfText] };
        Assert.Equal(EndOfText, tokenizer.EosTokenId);
        Assert.Equal(ImEnd, tokenizer.TokenToId(PromptTemplate.QwenEndOfTurn));
        Assert.Equal([EndOfText, ImEnd], StopTokens.Of(config, tokenizer, PromptTemplate.QwenChat));
        Assert.Equal([EndOfText, ImEnd], StopTokens.Of(config, tokenizer, PromptTemplate.FromName("chat").WithInstruction("x")));
        Assert.Equal([EndOfText], StopTokens.Of(config, tokenizer, PromptTemplate.Plain));
        Assert.Equal([EndOfText], StopTokens.Of(config, tokenizer));
    }

    [Fact]
    public void CustomTemplatesDeclareTheirEndOfTurn()
    {
        var tokenizer = BaseTokenizer();
        var config = new Qwen3Config { EosTokenIds = [EndOfText] };
        var chatml = PromptTemplate.Custom("<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n");
        Assert.Equal([PromptTemplate.QwenEndOfTurn], chatml.EndOfTurnTokens);
        Assert.Contains(ImEnd, StopTokens.Of(config, tokenizer, chatml));
        Assert.Empty(PromptTemplate.Custom("Q: {question}\nA:").EndOfTurnTokens);
        var declared = PromptTemplate.Custom("Q: {question}\nA:", ["<|im_start|>"]);
        Assert.Equal([EndOfText, 151644], StopTokens.Of(config, tokenizer, declared));
        // A declared token the tokenizer does not have is no stop id.
        Assert.Equal([EndOfText], StopTokens.Of(config, tokenizer, PromptTemplate.Custom("{question}", ["<no such token>"])));
    }

    [Theory]
    [InlineData("{\"eos_token_id\": [7, 5]}", new[] { 5, 7 })]
    [InlineData("{\"eos_token_id\": 9, \"bos_token_id\": 1}", new[] { 9 })]
    [InlineData("{\"bos_token_id\": 1}", new int[0])]
    public void GenerationConfigEosIdsJoinTheCheckpointsEosIds(string generationConfig, int[] extra)
    {
        using var dir = new TempDir();
        var folder = dir.CopyOf(FixtureModels.Dir("tiny-qwen3-tied"), "m");
        var own = HfCheckpoint.Load(folder, torch.CPU, torch.ScalarType.Float32).Config.EosTokenIds.ToList();
        File.WriteAllText(Path.Combine(folder, "generation_config.json"), generationConfig);
        using var model = HfCheckpoint.Load(folder, torch.CPU, torch.ScalarType.Float32);
        Assert.Equal(own.Union(extra).Order(), model.Config.EosTokenIds.Order());
        Assert.Equal(extra.Order(), GenerationConfigFile.EosTokenIds(folder).Order());
    }

    [Fact]
    public void MalformedGenerationConfigNamesTheFile()
    {
        using var dir = new TempDir();
        dir.Write("generation_config.json", "{\"eos_token_id\": \"x\"}");
        var ex = Assert.Throws<G2rlException>(() => GenerationConfigFile.EosTokenIds(dir.Path));
        Assert.Contains("generation_config.json", ex.Message);
        Assert.Contains("eos_token_id", ex.Message);
    }

    [Fact]
    public void TheSamplerStopsAtTheTemplatesEndOfTurn()
    {
        // Ids: <pad> 0, <eos> 1, <bos> 2, <|im_start|> 3, <|im_end|> 4, then a, b, c …; the mock continues t → t + 1.
        var tokenizer = new CharTokenizer("abcdefgh".Select(c => c.ToString()), new CharTokenizerOptions { AdditionalSpecialTokens = ["<|im_start|>", PromptTemplate.QwenEndOfTurn] });
        using var mock = new SuccessorMockLm(vocab: tokenizer.VocabSize);
        var template = PromptTemplate.Custom("{question}<|im_start|>");
        var prompt = tokenizer.Encode(template.Render("a", G2rl.Grading.AnswerKind.Math));
        var options = new SamplingOptions { Temperature = 0, MaxNewTokens = 5 };
        var withTemplate = new BatchedSampler(mock, tokenizer).Sample([prompt], 1, options with { EosTokenIds = StopTokens.Of(mock.Config, tokenizer, template) }, 0)[0];
        Assert.Equal([4], withTemplate.ResponseIds);
        Assert.Equal(FinishReason.Eos, withTemplate.Finish);
        var without = new BatchedSampler(mock, tokenizer).Sample([prompt], 1, options with { EosTokenIds = StopTokens.Of(mock.Config, tokenizer) }, 0)[0];
        Assert.Equal([4, 5, 6, 7, 8], without.ResponseIds);
    }
}
