using System.Text.Json;

namespace G2rl.Tests.Tokenization;

/// <summary>Paths of the tokenizer fixtures (copied next to the test assembly) and the reference cases.</summary>
internal static class TokenizerTestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    /// <summary>The Qwen3 tokenizer.json, gzipped; qwen3-tokenizer_config.json lies beside it.</summary>
    public static string QwenTokenizerGz => Fixture("qwen3-tokenizer.json.gz");

    public static string QwenConfig => Fixture("qwen3-tokenizer_config.json");

    /// <summary>Texts with the ids and decoded text of Hugging Face's Qwen3 tokenizer (add_special_tokens=False).</summary>
    public static IReadOnlyList<ReferenceCase> Cases { get; } = ReadCases();

    public static TheoryData<int, string> CaseData()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Cases.Count; i++)
        {
            data.Add(i, Cases[i].Text);
        }
        return data;
    }

    private static List<ReferenceCase> ReadCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixture("qwen3-tokenizer-cases.json")));
        return document.RootElement.EnumerateArray()
            .Select(c => new ReferenceCase(
                c.GetProperty("text").GetString()!,
                c.GetProperty("ids").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                c.GetProperty("decoded").GetString()!))
            .ToList();
    }
}
