using System.Text;
using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tests.Data;

public sealed class GpqaCsvTests
{
    /// <summary>A synthetic GPQA-shaped CSV (no real GPQA text): extra columns, quoted commas, newlines, quotes.</summary>
    private static string SyntheticCsv(int rows)
    {
        var sb = new StringBuilder(
            "Pre-Revision Question,Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3,"
            + "Subdomain,Record ID,High-level domain,Canary String\r\n");
        for (var i = 0; i < rows; i++)
        {
            sb.Append($"old {i},\"  Question {i}, with a comma\nand a \"\"quoted\"\" line \",");
            sb.Append($"\"right {i}, really\",wrong{i}a,\" wrong{i}b \",\"wrong{i}c\n(two lines)\",");
            sb.Append($"Sub {i},rec{i:D4}xyz,{(i % 2 == 0 ? "Physics" : "Chemistry")},canary\r\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void Answer_letter_points_at_the_correct_answer_and_options_are_all_kept()
    {
        var problems = GpqaCsv.Parse(SyntheticCsv(40));
        Assert.Equal(40, problems.Count);
        var slotsUsed = new HashSet<string>();
        for (var i = 0; i < problems.Count; i++)
        {
            var p = problems[i];
            Assert.Equal($"rec{i:D4}xyz", p.Id);
            Assert.Equal(AnswerKind.Choice, p.Kind);
            Assert.Equal("gpqa_diamond", p.Source);
            Assert.Equal(i % 2 == 0 ? "Physics" : "Chemistry", p.Subject);
            Assert.NotNull(p.Choices);
            Assert.Equal($"right {i}, really", p.Choices[ChoiceOptions.IndexOf(p.Answer)]);
            Assert.Equal(
                new[] { $"right {i}, really", $"wrong{i}a", $"wrong{i}b", $"wrong{i}c\n(two lines)" }.Order(),
                p.Choices.Order());
            var stem = $"Question {i}, with a comma\nand a \"quoted\" line";
            Assert.Equal(ChoiceOptions.Format(stem, p.Choices), p.Question);
            slotsUsed.Add(p.Answer);
        }

        Assert.Equal(["A", "B", "C", "D"], slotsUsed.Order()); // the shuffle really moves the answer
    }

    [Fact]
    public void Conversion_is_deterministic_and_keyed_by_record_id()
    {
        var csv = SyntheticCsv(10);
        var a = GpqaCsv.Parse(csv);
        var b = GpqaCsv.Parse(csv);
        Assert.Equal(a.Select(p => (p.Question, p.Answer)), b.Select(p => (p.Question, p.Answer)));
        for (var i = 0; i < a.Count; i++)
        {
            var perm = ChoiceShuffle.Permutation(a[i].Id, 4);
            Assert.Equal(ChoiceOptions.Letter(Array.IndexOf(perm, 0)), a[i].Answer);
        }
    }

    [Fact]
    public void Missing_column_or_empty_option_is_an_error()
    {
        var e = Assert.Throws<G2rlException>(() => GpqaCsv.Parse("Question,Correct Answer\nq,a\n"));
        Assert.Contains("Incorrect Answer 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Record ID", e.Message, StringComparison.Ordinal);
        Assert.Throws<G2rlException>(() => GpqaCsv.Parse("Question,Correct Answer\n"));
        const string Header = "Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3,Record ID\n";
        e = Assert.Throws<G2rlException>(() => GpqaCsv.Parse(Header + "q,a,b,,d,rec1\n"));
        Assert.Contains("record 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect Answer 2", e.Message, StringComparison.Ordinal);
    }
}
