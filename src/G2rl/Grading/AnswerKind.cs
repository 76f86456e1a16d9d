namespace G2rl.Grading;

/// <summary>How a problem's answer is graded: a mathematical expression, or a multiple-choice letter.</summary>
public enum AnswerKind
{
    /// <summary>Free-form mathematical answer compared by equivalence.</summary>
    Math,

    /// <summary>Multiple choice: the answer is a letter (A–D for GPQA, A–J for MMLU-Pro).</summary>
    Choice,
}
