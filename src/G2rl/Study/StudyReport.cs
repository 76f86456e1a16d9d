using System.Globalization;
using System.Text;
using System.Text.Json;
using G2rl.Reporting;

namespace G2rl.Study;

/// <summary>Writes report.md, results.json and the PNG plots of a study (or the demo, a preset of it).</summary>
public static class StudyReport
{
    public static IReadOnlyList<MethodSummary> Summaries(StudyResults r)
    {
        var seed = r.Plan.StatisticsSeed;
        var control = r.Plan.Control;
        var baseline = MethodSummary.Of("base", [r.Base], null, seed, 0);
        var controlRuns = r.Runs.Where(x => x.Method == control).Select(x => x.Evaluation).ToList();
        var reference = controlRuns.Count > 0 ? controlRuns : null;
        var methods = r.Plan.Methods.Select(m => m.Name).Select(m =>
        {
            var runs = r.Runs.Where(x => x.Method == m).ToList();
            return MethodSummary.Of(m, [.. runs.Select(x => x.Evaluation)], m == control ? null : reference, seed, runs.Sum(x => x.Seconds));
        });
        return [baseline, .. methods];
    }

    public static string Write(StudyResults results)
    {
        var dir = results.Plan.OutputDirectory;
        var plan = results.Plan;
        Directory.CreateDirectory(dir);
        var summaries = Summaries(results);
        WritePlots(dir, results, summaries);
        var json = JsonSerializer.Serialize(new
        {
            options = plan.PresetOptions,
            study = new
            {
                title = plan.Title, methods = plan.Methods, seeds = plan.Seeds, control = plan.Control, treatment = plan.Treatment, eval = plan.Eval,
                held_out = new { name = plan.HeldOutName, problems = plan.HeldOut.Count }, train_problems = plan.Train.Count,
                train = System.Text.Json.Nodes.JsonNode.Parse(Training.Config.ConfigLoader.ToJson(plan.Template)),
            },
            machine = results.Machine,
            base_policy = new { directory = plan.Template.Model.Path, parameters = results.BaseParameters },
            summaries,
            runs = results.Runs.Select(x => new { x.Method, x.Seed, x.Directory, x.Seconds, final_step = x.Steps.Count > 0 ? x.Steps[^1] : null }),
            seconds = new { base_policy = results.BaseSeconds, total = results.TotalSeconds },
        }, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        AtomicFile.WriteAllText(Path.Combine(dir, "results.json"), json);
        var report = Path.Combine(dir, "report.md");
        AtomicFile.WriteAllText(report, Markdown(results, summaries));
        return report;
    }

    /// <summary>The main table: held-out accuracy per method.</summary>
    public static string MainTable(IReadOnlyList<MethodSummary> summaries, string control = "grpo")
    {
        var ks = summaries[0].PassAtK.Keys.ToList();
        var columns = new List<MarkdownColumn>
        {
            "method", "seeds", new("pass@1 % [95% CI]", "0.0", 100), "seed mean ± SD %", new($"Δ pass@1 vs {control} [95% CI]", "+0.0;-0.0", 100),
            new("Δ, problems only", "+0.0;-0.0", 100), new($"maj@{ks.Max()} %", "0.0", 100),
        };
        columns.AddRange(ks.Where(k => k > 1).Select(k => new MarkdownColumn($"pass@{k} %", "0.0", 100)));
        columns.Add(new("distinct correct solutions / problem", "0.00"));
        var table = new MarkdownTable([.. columns]);
        foreach (var s in summaries)
        {
            var spread = s.SeedPass1.Sd is { } sd ? string.Create(CultureInfo.InvariantCulture, $"{s.SeedPass1.Mean * 100:0.0} ± {sd * 100:0.0}") : "";
            var cells = new List<object?> { s.Method, s.Seeds, s.Pass1Interval, spread, s.DeltaVsGrpo, s.DeltaVsGrpoProblemsOnly, s.Majority };
            cells.AddRange(ks.Where(k => k > 1).Select(k => (object?)s.PassAtK[k]));
            cells.Add(s.DistinctSolutions);
            table.AddRow([.. cells]);
        }
        return table.Render();
    }

    private static string SeedTable(StudyResults r)
    {
        var table = new MarkdownTable([new MarkdownColumn("method"), .. Enumerable.Range(0, r.Plan.Seeds).Select(i => new MarkdownColumn($"seed {i} pass@1 %", "0.0", 100))]);
        foreach (var method in r.Plan.Methods.Select(m => m.Name))
        {
            table.AddRow([method, .. r.Runs.Where(x => x.Method == method).OrderBy(x => x.Seed)
                .Select(x => (object?)x.Evaluation.Results.Average(p => p.Correct.Average(c => c ? 1.0 : 0.0)))]);
        }
        return table.Render();
    }

    private static string GeometryTable(IReadOnlyList<MethodSummary> summaries)
    {
        var table = new MarkdownTable("method", new("Φ mean pairwise cosine", "0.000"), new("Φ negative pairs %", "0.0", 100), new("MiniLM mean pairwise cosine", "0.000"));
        foreach (var s in summaries)
        {
            table.AddRow(s.Method, s.GradientCosine, s.GradientNegativeShare, s.EmbeddingCosine);
        }
        return table.Render();
    }

    private static string Markdown(StudyResults r, IReadOnlyList<MethodSummary> summaries)
    {
        var p = r.Plan;
        var e = p.Eval;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# G2rl study report").AppendLine();
        sb.AppendLine(inv, $"`{p.Title}` — {p.Methods.Count} method(s) × {p.Seeds} seed(s), {p.Template.Run.Steps} RL steps per run, {r.TotalSeconds / 60:F1} min in total ({p.Template.Model.Device}).").AppendLine();
        sb.AppendLine("## Held-out results").AppendLine();
        sb.AppendLine(inv, $"{p.HeldOut.Count} held-out problems ({p.HeldOutName}), {e.Samples} samples each at temperature {e.Temperature}. pass@1 is the mean accuracy. RL seeds are the experimental unit: the intervals of pass@1 and of Δ vs {p.Control} are 95% hierarchical bootstraps (each resample draws the seeds of each method with replacement and one set of problems shared by all runs, docs/demo.md); \"seed mean ± SD\" is over the per-seed pass@1; \"Δ, problems only\" resamples problems with accuracy averaged over seeds and ignores the seed spread (shown for contrast, not used by the verdict). pass@k is the paper's definition (≥ 1 correct among the first k samples), averaged over seeds. maj@k votes over answers, all verified-correct responses counting as one answer.").AppendLine();
        sb.AppendLine(MainTable(summaries, p.Control)).AppendLine();
        sb.AppendLine(ComparisonVerdict.Text(summaries, p.Treatment, p.Control)).AppendLine();
        var choices = ValidationSelection.Choose(r, summaries);
        if (choices.Count > 0)
        {
            sb.AppendLine("## Choices made on the validation split").AppendLine();
            sb.AppendLine(inv, $"Within each group the arm with the best mean validation pass@1 ({p.Validation.Count} validation problems, disjoint from training and held-out) is chosen; its held-out numbers are reported, so the held-out split played no part in the choice.").AppendLine();
            sb.AppendLine(ValidationSelection.Table(choices, p.Control)).AppendLine();
        }
        sb.AppendLine("Per-seed pass@1:").AppendLine();
        sb.AppendLine(SeedTable(r)).AppendLine();
        if (e.GeometryProblems > 0)
        {
            sb.AppendLine("## Gradient geometry (paper §3.5)").AppendLine();
            sb.AppendLine(inv, $"{e.GeometryProblems} held-out problems × {e.GeometrySamples} samples: within-problem pairwise cosines of the sequence gradient features Φ and of all-MiniLM-L6-v2 embeddings of the responses. The paper reports Φ cosine 0.208 (GRPO) → 0.064 (G2RL) and negative pairs 5.9% → 28.1% on Qwen3-1.7B.").AppendLine();
            sb.AppendLine(GeometryTable(summaries)).AppendLine();
            sb.AppendLine("![gradient cosine](gradient_cosine_hist.png)").AppendLine();
        }
        sb.AppendLine("![training accuracy](training_accuracy.png)").AppendLine();
        sb.AppendLine("![pass@k](pass_at_k.png)").AppendLine();
        sb.AppendLine("## Setup and budget (identical for every method)").AppendLine();
        foreach (var line in p.SetupLines)
        {
            sb.AppendLine("- " + line);
        }
        sb.AppendLine(inv, $"- Base checkpoint: {r.BaseParameters:N0} parameters.");
        sb.AppendLine(inv, $"- Seeds: RL seeds {string.Join(", ", Enumerable.Range(0, p.Seeds).Select(p.RunSeed))}; evaluation seed {p.EvalSeed}, the same for every method.");
        sb.AppendLine(inv, $"- Time: base policy {r.BaseSeconds:F0} s; runs: {string.Join(", ", summaries.Skip(1).Select(s => $"{s.Method} {s.TrainSeconds:F0} s"))}.");
        sb.AppendLine(inv, $"- Machine: {r.Machine.Describe()}. Same code, seeds and settings give bit-identical numbers only on the same CPU type (instruction-set level) and thread count; elsewhere expect different numbers and, unless the verdict is seed-robust, possibly a different verdict (docs/demo.md).").AppendLine();
        sb.AppendLine("Per-step metrics of every run are in `runs/<method>-seed<k>/metrics.jsonl`; all numbers of this report are in `results.json`.");
        return sb.ToString();
    }

    /// <summary>An honest one-paragraph reading of the main table (<see cref="ComparisonVerdict"/>).</summary>
    public static string Verdict(StudyResults r, IReadOnlyList<MethodSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(r);
        return ComparisonVerdict.Text(summaries, r.Plan.Treatment, r.Plan.Control);
    }

    private static void WritePlots(string dir, StudyResults r, IReadOnlyList<MethodSummary> summaries)
    {
        var curves = r.Plan.Methods.Select(x => x.Name).Select(m =>
        {
            var runs = r.Runs.Where(x => x.Method == m).ToList();
            var steps = runs.Min(x => x.Steps.Count);
            var mean = Enumerable.Range(0, steps).Select(i => runs.Average(x => x.Steps[i]["reward/accuracy"])).ToArray();
            return new Series(m, [.. Enumerable.Range(1, steps).Select(i => (double)i)], Smooth(mean, 5));
        }).ToList();
        Plots.LineChart(Path.Combine(dir, "training_accuracy.png"), "Training accuracy (rollouts, 5-step moving average)", "step", "accuracy", curves);
        var ks = summaries[0].PassAtK.Keys.Select(k => (double)k).ToArray();
        Plots.LineChart(Path.Combine(dir, "pass_at_k.png"), "Held-out pass@k", "k", "pass@k",
            [.. summaries.Select(s => new Series(s.Method, ks, [.. s.PassAtK.Values]))]);
        if (r.Base.Geometry is null)
        {
            return;
        }
        Plots.Histogram(Path.Combine(dir, "gradient_cosine_hist.png"), "Within-problem pairwise cosine of Φ (held-out samples)",
            [("base", r.Base.Geometry.GradientPairs.SelectMany(p => p).ToArray()), .. r.Plan.Methods.Select(x => x.Name).Select(m => (m, r.Runs.Where(x => x.Method == m).SelectMany(x => x.Evaluation.Geometry?.GradientPairs.SelectMany(p => p) ?? []).ToArray()))],
            -1, 1, 40, xLabel: "cosine");
    }

    private static double[] Smooth(double[] values, int window) =>
        [.. values.Select((_, i) => values.Skip(Math.Max(0, i - window + 1)).Take(Math.Min(window, i + 1)).Average())];
}
