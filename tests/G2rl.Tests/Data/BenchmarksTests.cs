using G2rl.Data;

using G2rl.Tests.Support;

namespace G2rl.Tests.Data;

public sealed class BenchmarksTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Names_and_aliases_resolve_case_insensitively()
    {
        Assert.Equal(
            ["math500", "aime24", "aime25", "amc23", "gpqa_diamond", "mmlu_pro", "gsm8k", "math_train"],
            Benchmarks.Names);
        Assert.Equal("gpqa_diamond", Benchmarks.Get("gpqa").Name);
        Assert.Equal("gpqa_diamond", Benchmarks.Get(" GPQA_Diamond ").Name);
        Assert.Equal("gsm8k_test.jsonl.gz", Benchmarks.Get("gsm8k").FileName);
        Assert.False(Benchmarks.TryGet("math", out _));
    }

    [Fact]
    public void Unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<G2rlException>(() => Benchmarks.Get("aime2026"));
        Assert.Contains("aime2026", e.Message, StringComparison.Ordinal);
        Assert.All(Benchmarks.Names, n => Assert.Contains(n, e.Message, StringComparison.Ordinal));
        Assert.Contains("gpqa", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_data_directory_holds_every_vendored_file()
    {
        var dir = Benchmarks.FindDataDirectory();
        Assert.All(Benchmarks.All, b => Assert.True(File.Exists(Path.Combine(dir, b.FileName)), b.FileName));
    }

    [Fact]
    public void Environment_value_wins_and_must_exist()
    {
        Assert.Equal(_dir.Path, Benchmarks.ResolveDataDirectory(_dir.Path, "/nowhere", "/nowhere"));
        var missing = Path.Combine(_dir.Path, "missing");
        var e = Assert.Throws<G2rlException>(() => Benchmarks.ResolveDataDirectory(missing, "/", "/"));
        Assert.Contains(Benchmarks.DataDirectoryVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_walks_up_from_the_base_directory_then_tries_the_current_one()
    {
        _dir.Write("repo/data/" + Benchmarks.MarkerFile, "");
        var deep = Path.Combine(_dir.Path, "repo", "bin", "Debug", "net10.0");
        Directory.CreateDirectory(deep);
        Assert.Equal(Path.Combine(_dir.Path, "repo", "data"), Benchmarks.ResolveDataDirectory(null, deep, _dir.Path));

        var elsewhere = Path.Combine(_dir.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var repo = Path.Combine(_dir.Path, "repo");
        Assert.Equal(Path.Combine(repo, "data"), Benchmarks.ResolveDataDirectory("", elsewhere, repo));

        var e = Assert.Throws<G2rlException>(() => Benchmarks.ResolveDataDirectory(null, elsewhere, elsewhere));
        Assert.Contains(Benchmarks.DataDirectoryVariable, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_from_an_explicit_folder_uses_the_canonical_name()
    {
        _dir.Write("gpqa_diamond.jsonl.gz", "{\"id\":\"r1\",\"question\":\"q\",\"answer\":\"A\",\"choices\":[\"x\",\"y\"]}\n");
        var set = Benchmarks.Load("gpqa", _dir.Path);
        Assert.Equal("gpqa_diamond", set.Name);
        Assert.Equal("gpqa_diamond", set.Problems.Single().Source);
        var e = Assert.Throws<G2rlException>(() => Benchmarks.Load("aime24", _dir.Path));
        Assert.Contains("aime24.jsonl.gz", e.Message, StringComparison.Ordinal);
    }
}
