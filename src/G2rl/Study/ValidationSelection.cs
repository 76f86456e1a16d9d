using G2rl.Reporting;

namespace G2rl.Study;

/// <summary>
/// Chooses, within each <see cref="StudyMethod.Group"/>, the arm with the best mean validation pass@1 (over seeds and
/// problems; ties go to the arm listed first) and reports the chosen arm's held-out numbers, so that the held-out split is
/// never used for the choice.
/// </summary>
public static class ValidationSelection
{
    public static IReadOnlyList<ValidationChoice> Choose(StudyResults results, IReadOnlyList<MethodSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(summaries);
        var choices = new List<ValidationChoice>();
        foreach (var group in results.Plan.Methods.Where(m => m.Group is not null).GroupBy(m => m.Group!))
        {
            var validation = group.ToDictionary(m => m.Name, m => results.Runs.Where(r => r.Method == m.Name && r.Validation is not null)
                .Select(r => r.Validation!.Average(p => p.Correct.Average(c => c ? 1.0 : 0.0))).DefaultIfEmpty(double.NaN).Average());
            if (validation.Values.Any(double.IsNaN))
            {
                continue;
            }
            var best = group.Select(m => m.Name).Aggregate((a, b) => validation[b] > validation[a] ? b : a);
            choices.Add(new ValidationChoice(group.Key, best, validation, summaries.First(s => s.Method == best)));
        }
        return choices;
    }

    /// <summary>The report's table: group, validation pass@1 of every candidate, the chosen arm and its held-out pass@1 and Δ vs the control.</summary>
    public static string Table(IReadOnlyList<ValidationChoice> choices, string control)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var table = new MarkdownTable("group", "validation pass@1 % per arm", "chosen", new("held-out pass@1 % [95% CI]", "0.0", 100), new($"Δ vs {control} [95% CI]", "+0.0;-0.0", 100));
        foreach (var c in choices)
        {
            var arms = string.Join(", ", c.ValidationPass1.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value * 100:0.0}")));
            table.AddRow(c.Group, arms, c.Chosen, c.HeldOut.Pass1Interval, c.HeldOut.DeltaVsGrpo);
        }
        return table.Render();
    }
}
