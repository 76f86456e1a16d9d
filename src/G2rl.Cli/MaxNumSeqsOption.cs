using System.CommandLine;

namespace G2rl.Cli;

/// <summary><c>--max-num-seqs</c> of <c>generate</c> and <c>eval</c>: rows the continuous-batching sampler decodes at once.</summary>
internal static class MaxNumSeqsOption
{
    public static Option<int?> Create() => new("--max-num-seqs")
    {
        Description = "Rows decoded at once (KV cache = this × (prompt + max new tokens) tokens); finished rows' slots are refilled at once. Results do not depend on it. Default: all rows of a sampler call",
    };

    /// <summary>The value, null when not given; a value below 1 is a <see cref="G2rlException"/>.</summary>
    public static int? Value(ParseResult parse, Option<int?> option) =>
        parse.GetValue(option) is int n && n < 1 ? throw new G2rlException($"--max-num-seqs must be at least 1, got {n}") : parse.GetValue(option);
}
