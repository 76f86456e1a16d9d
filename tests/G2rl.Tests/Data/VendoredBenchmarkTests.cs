using System.Globalization;
using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tests.Data;

public sealed class VendoredBenchmarkTests
{
    [Theory]
    [InlineData("math500", 500, AnswerKind.Math)]
    [InlineData("aime24", 30, AnswerKind.Math)]
    [InlineData("aime25", 30, AnswerKind.Math)]
    [InlineData("amc23", 40, AnswerKind.Math)]
    [InlineData("gpqa_diamond", 198, AnswerKind.Choice)]
    [InlineData("mmlu_pro", 12032, AnswerKind.Choice)]
    [InlineData("gsm8k", 1319, AnswerKind.Math)]
    [InlineData("math_train", 7500, AnswerKind.Math)]
    public void Every_file_has_its_record_count_and_non_empty_fields(string name, int count, AnswerKind kind)
    {
        var problems = VendoredData.Get(name);
        Assert.Equal(count, problems.Count);
        Assert.Equal(count, Benchmarks.Get(name).Count);
        Assert.Equal(count, problems.Select(p => p.Id).Distinct().Count());
        Assert.All(problems, p =>
        {
            Assert.Equal(name, p.Source);
            Assert.Equal(kind, p.Kind);
            Assert.False(string.IsNullOrWhiteSpace(p.Id));
            Assert.False(string.IsNullOrWhiteSpace(p.Question));
            Assert.False(string.IsNullOrWhiteSpace(p.Answer));
            Assert.Equal(p.Answer, p.Answer.Trim());
        });
    }

    [Fact]
    public void Gpqa_answers_are_letters_A_to_D_at_the_record_id_shuffle_position()
    {
        var problems = VendoredData.Get("gpqa_diamond");
        Assert.All(problems, p =>
        {
            Assert.StartsWith("rec", p.Id, StringComparison.Ordinal);
            Assert.Contains(p.Answer, new[] { "A", "B", "C", "D" });
            Assert.Equal(4, p.Choices!.Count);
            Assert.All(p.Choices, c => Assert.False(string.IsNullOrWhiteSpace(c)));
            Assert.EndsWith(ChoiceOptions.Format("", p.Choices), p.Question, StringComparison.Ordinal);
            Assert.Contains(p.Subject, new[] { "Physics", "Chemistry", "Biology" });

            // The file was written by data/build/vendor.py; the C# shuffle must put the CSV's correct answer
            // (original index 0) in the same slot.
            var perm = ChoiceShuffle.Permutation(p.Id, 4);
            Assert.Equal(ChoiceOptions.Letter(Array.IndexOf(perm, 0)), p.Answer);
        });

        // The fixed shuffle spreads the answers over all letters.
        Assert.All(problems.GroupBy(p => p.Answer), g => Assert.InRange(g.Count(), 30, 70));
    }

    [Fact]
    public void Mmlu_pro_answers_are_letters_within_the_options()
    {
        var problems = VendoredData.Get("mmlu_pro");
        Assert.All(problems, p =>
        {
            var index = ChoiceOptions.IndexOf(p.Answer);
            Assert.InRange(index, 0, 9);
            Assert.InRange(p.Choices!.Count, 3, 10);
            Assert.True(index < p.Choices.Count);
            Assert.EndsWith(ChoiceOptions.Format("", p.Choices), p.Question, StringComparison.Ordinal);
        });
        Assert.Equal(14, problems.Select(p => p.Subject).Distinct().Count());
        Assert.Equal(9982, problems.Count(p => p.Choices!.Count == 10));
    }

    [Fact]
    public void Math_sets_carry_subjects_and_levels()
    {
        var math500 = VendoredData.Get("math500");
        Assert.All(math500, p => Assert.InRange(p.Level!.Value, 1, 5));
        Assert.Equal(7, math500.Select(p => p.Subject).Distinct().Count());
        Assert.StartsWith("test/", math500[0].Id, StringComparison.Ordinal);

        var train = VendoredData.Get("math_train");
        Assert.Equal(2, train.Count(p => p.Level is null)); // the two "Level ?" files
        Assert.All(train.Where(p => p.Level is not null), p => Assert.InRange(p.Level!.Value, 1, 5));
        Assert.Equal(7, train.Select(p => p.Subject).Distinct().Count());
        Assert.Equal("0", train.Single(p => p.Id == "train/algebra/0.json").Answer);
        Assert.Empty(train.Select(p => p.Id).Intersect(math500.Select(p => p.Id)));
    }

    [Theory]
    [InlineData("aime24")]
    [InlineData("aime25")]
    [InlineData("amc23")]
    [InlineData("gsm8k")]
    public void Numeric_answers_are_canonical_numbers(string name)
    {
        Assert.All(VendoredData.Get(name), p =>
        {
            Assert.True(decimal.TryParse(p.Answer, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v), p.Answer);
            Assert.DoesNotContain(",", p.Answer, StringComparison.Ordinal);
            if (name != "gsm8k")
            {
                Assert.Equal(decimal.Truncate(v).ToString(CultureInfo.InvariantCulture), p.Answer); // "27", not "27.0" or "025"
            }
        });
    }

    [Fact]
    public void Known_first_answers_survive_the_conversion()
    {
        Assert.Equal("27", VendoredData.Get("amc23")[0].Answer);       // source 27.0
        Assert.Equal("204", VendoredData.Get("aime24")[0].Answer);
        Assert.Equal("70", VendoredData.Get("aime25")[0].Answer);       // source int 70
        Assert.Equal("18", VendoredData.Get("gsm8k")[0].Answer);        // "#### 18"
        Assert.Equal("\\left( 3, \\frac{\\pi}{2} \\right)", VendoredData.Get("math500")[0].Answer);
    }
}
