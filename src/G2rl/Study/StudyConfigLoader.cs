using System.Globalization;
using System.Text.Json;
using G2rl.Data;
using G2rl.Evaluation;
using G2rl.Training;
using G2rl.Training.Config;

namespace G2rl.Study;

/// <summary>Reads a study config (.yaml/.json/.toml, strict: unknown keys are errors naming their path), validates it and resolves it to a <see cref="StudyPlan"/>.</summary>
public static class StudyConfigLoader
{
    /// <summary>Reads, applies <c>--set</c> overrides, binds and validates.</summary>
    public static StudyConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        var root = ConfigDocument.Read(path);
        ConfigDocument.ApplyOverrides(root, overrides ?? []);
        StudyConfig? config;
        try
        {
            config = root.Deserialize<StudyConfig>(ConfigLoader.Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } p ? $" at '{p.TrimStart('$', '.')}'" : "";
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown key" : "invalid value";
            throw new G2rlException($"{path}: {what}{where}: {ex.Message}", ex);
        }
        config ??= new StudyConfig();
        Validate(config, path);
        return config;
    }

    /// <summary>Checks the study's own fields and every run's config (ConfigValidator); the first problem is a one-line error naming the field.</summary>
    public static void Validate(StudyConfig c, string source)
    {
        ArgumentNullException.ThrowIfNull(c);
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                throw new G2rlException($"{source}: {field} {message}");
            }
        }
        Check(c.Methods.Count > 0, "methods", "needs at least one method");
        foreach (var (m, i) in c.Methods.Select((m, i) => (m, i)))
        {
            Check(m.Name.Length > 0 && m.Name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'), $"methods[{i}].name", "must be letters, digits, '-', '_' or '.'");
            ConfigValidator.Validate(c.Train with { Exploration = m.Exploration }, $"{source}: methods[{i}] ({m.Name})");
        }
        Check(c.Methods.Select(m => m.Name).Distinct().Count() == c.Methods.Count, "methods", "names must be unique");
        Check(c.Methods.Any(m => m.Name == c.Control), "control", $"'{c.Control}' is not one of the methods");
        Check(c.Seeds >= 1, "seeds", "must be at least 1");
        Check(c.HeldOut.Count > 0, "held_out", "needs at least one problem set");
        Check(c.Eval.Samples >= 1, "eval.samples", "must be at least 1");
        Check(c.Eval.Temperature > 0, "eval.temperature", "must be positive");
        Check(c.Eval.MaxNewTokens >= 0 && c.Eval.Limit >= 0 && c.Eval.GeometryProblems >= 0, "eval", "counts must not be negative");
        Check(c.Eval.GeometryProblems == 0 || c.Eval.GeometrySamples >= 2, "eval.geometry_samples", "must be at least 2");
        Check(c.Eval.PromptsPerCall >= 1 && c.Eval.EmbeddingMaxTokens >= 1, "eval", "prompts_per_call and embedding_max_tokens must be positive");
        Check(c.Output.Length > 0, "output", "is required");
    }

    /// <summary>Loads the problem sets and builds the plan (benchmark problems are graded by the rule-based verifier).</summary>
    public static StudyPlan Plan(StudyConfig c, string title)
    {
        ArgumentNullException.ThrowIfNull(c);
        var heldOut = ProblemSources.LoadAll(c.HeldOut, "held_out");
        if (c.Eval.Limit > 0)
        {
            heldOut = [.. heldOut.Take(c.Eval.Limit)];
        }
        var t = c.Train;
        var inv = CultureInfo.InvariantCulture;
        return new StudyPlan
        {
            Title = title,
            Template = t,
            Methods = c.Methods,
            Seeds = c.Seeds,
            Control = c.Control,
            Treatment = c.Treatment,
            Eval = c.Eval,
            OutputDirectory = c.Output,
            Train = ProblemSources.LoadAll(t.Data.Train, "train.data.train"),
            HeldOut = heldOut,
            HeldOutName = string.Join("+", c.HeldOut.Select(ProblemSources.DisplayName)),
            Verifier = GradingVerifier.Instance,
            Prompt = PromptTemplate.FromName(t.Data.Template).WithInstruction(t.Data.Instruction),
            EvalSeed = Seeds.Derive(t.Run.Seed, "study-eval", 0),
            StatisticsSeed = unchecked((int)t.Run.Seed),
            SetupLines =
            [
                $"Base checkpoint: `{t.Model.Path}` ({t.Model.Dtype}, {t.Model.Device}); training set {string.Join(", ", t.Data.Train)}; held-out {string.Join(", ", c.HeldOut)}.",
                string.Create(inv, $"RL per run: {t.Run.Steps} steps × {t.Rollout.PromptsPerStep} prompts × {t.Rollout.GroupSize} rollouts at temperature {t.Rollout.Temperature}, lr {t.Optim.Lr}, KL β {t.Loss.KlCoef}."),
                "Methods: " + string.Join("; ", c.Methods.Select(m => Describe(m, inv))) + ".",
            ],
        };
    }

    private static string Describe(StudyMethod m, CultureInfo inv) => m.Exploration.Method switch
    {
        "g2rl" => string.Create(inv, $"{m.Name} = G2RL λ {m.Exploration.Lambda}, eq. 12 {m.Exploration.Mode}, clip {m.Exploration.Clip}, {m.Exploration.Weighting} weights"),
        "entropy" => string.Create(inv, $"{m.Name} = entropy bonus c_H {m.Exploration.EntropyCoef}"),
        "evol" => string.Create(inv, $"{m.Name} = EVOL-RL novelty (tail {m.Exploration.EvolTailChars} chars)"),
        _ => $"{m.Name} = GRPO",
    };
}
