using System.Text;
using G2rl.Grading;

namespace G2rl.Data;

/// <summary>
/// Renders a <see cref="Problem"/> into the model's input text from a template with the placeholders
/// <c>{question}</c> and <c>{instruction}</c>.
/// </summary>
/// <remarks>
/// A placeholder is <c>{</c> + identifier + <c>}</c>; any other brace is literal text (so <c>\boxed{}</c> may appear
/// in a template). An identifier other than the two known names is an error, as is a template without
/// <c>{question}</c>. Substitution is a single pass: braces inside the question or instruction are not expanded.
/// The instruction is <see cref="Instruction"/> when set, else <see cref="MathInstruction"/> or
/// <see cref="ChoiceInstruction"/> by the problem's kind.
/// </remarks>
public sealed class PromptTemplate
{
    /// <summary>The paper's instruction (G2RL §3.1), used for math problems.</summary>
    public const string MathInstruction = "Please reason step by step, and put your final answer within \\boxed{}.";

    /// <summary>The instruction for multiple-choice problems: the paper's wording, asking for the option letter.</summary>
    public const string ChoiceInstruction =
        "Please reason step by step, and put the letter of your final answer choice (a single letter, e.g. A) within \\boxed{}.";

    /// <summary>Qwen chat format: the instruction as the system message, the question as the user turn.</summary>
    public const string QwenChatText =
        "<|im_start|>system\n{instruction}<|im_end|>\n<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n";

    /// <summary>No chat tokens: instruction, blank line, question, newline.</summary>
    public const string PlainText = "{instruction}\n\n{question}\n";

    private static readonly string[] Known = ["question", "instruction"];
    private readonly IReadOnlyList<(bool IsPlaceholder, string Text)> _segments;

    /// <summary>The end-of-turn token of the Qwen (ChatML) chat format.</summary>
    public const string QwenEndOfTurn = "<|im_end|>";

    private PromptTemplate(string name, string template, string? instruction, IReadOnlyList<string> endOfTurn)
    {
        Name = name;
        Template = template;
        Instruction = instruction;
        EndOfTurnTokens = endOfTurn;
        _segments = Split(template);
    }

    /// <summary>The default template: <see cref="QwenChatText"/>; ends a response on <see cref="QwenEndOfTurn"/>.</summary>
    public static PromptTemplate QwenChat { get; } = new("qwen", QwenChatText, null, [QwenEndOfTurn]);

    /// <summary>The <see cref="PlainText"/> template (no end-of-turn token: responses end on the checkpoint's EOS).</summary>
    public static PromptTemplate Plain { get; } = new("plain", PlainText, null, []);

    /// <summary>Built-in template names accepted by <see cref="FromName"/> (<c>chat</c> and <c>default</c> mean <c>qwen</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = ["qwen", "plain"];

    /// <summary><c>qwen</c> for built-ins, <c>custom</c> otherwise.</summary>
    public string Name { get; }

    /// <summary>The template text with its placeholders.</summary>
    public string Template { get; }

    /// <summary>The instruction override, or null to choose by the problem's kind.</summary>
    public string? Instruction { get; }

    /// <summary>
    /// Token strings that end the model's turn in this format; the sampler stops a response on them (see
    /// <c>Sampling.StopTokens</c>), besides the checkpoint's EOS ids.
    /// </summary>
    public IReadOnlyList<string> EndOfTurnTokens { get; }

    /// <summary>
    /// A template from its text (must contain <c>{question}</c>). <paramref name="endOfTurnTokens"/> declares its end-of-turn tokens;
    /// when null, a ChatML text (one containing <c>&lt;|im_start|&gt;</c>) gets <see cref="QwenEndOfTurn"/> and any other none.
    /// </summary>
    public static PromptTemplate Custom(string template, IReadOnlyList<string>? endOfTurnTokens = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new PromptTemplate("custom", template, null,
            endOfTurnTokens ?? (template.Contains("<|im_start|>", StringComparison.Ordinal) ? [QwenEndOfTurn] : []));
    }

    /// <summary>
    /// A built-in by name (<c>qwen</c>/<c>chat</c>/<c>default</c>, <c>plain</c>; case-insensitive) or, when the
    /// argument contains <c>{</c>, a custom template. Anything else throws a <see cref="G2rlException"/>.
    /// </summary>
    public static PromptTemplate FromName(string nameOrTemplate)
    {
        ArgumentNullException.ThrowIfNull(nameOrTemplate);
        if (nameOrTemplate.Contains('{'))
        {
            return Custom(nameOrTemplate);
        }

        return nameOrTemplate.Trim().ToLowerInvariant() switch
        {
            "qwen" or "chat" or "default" => QwenChat,
            "plain" => Plain,
            _ => throw new G2rlException(
                $"unknown prompt template '{nameOrTemplate}'; use one of {string.Join(", ", Names)} "
                + "or a template text with {question} and optionally {instruction}"),
        };
    }

    /// <summary>A copy that uses <paramref name="instruction"/> for every problem (null restores the per-kind default).</summary>
    public PromptTemplate WithInstruction(string? instruction) => new(Name, Template, instruction, EndOfTurnTokens);

    /// <summary>The instruction used for a problem of <paramref name="kind"/>.</summary>
    public string InstructionFor(AnswerKind kind) =>
        Instruction ?? (kind == AnswerKind.Choice ? ChoiceInstruction : MathInstruction);

    /// <summary>The model input for <paramref name="problem"/>.</summary>
    public string Render(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Render(problem.Question, problem.Kind);
    }

    /// <summary>The model input for a question of the given kind.</summary>
    public string Render(string question, AnswerKind kind)
    {
        ArgumentNullException.ThrowIfNull(question);
        var sb = new StringBuilder();
        foreach (var (isPlaceholder, text) in _segments)
        {
            sb.Append(!isPlaceholder ? text : text == "question" ? question : InstructionFor(kind));
        }

        return sb.ToString();
    }

    private static List<(bool, string)> Split(string template)
    {
        var segments = new List<(bool, string)>();
        var literal = new StringBuilder();
        var hasQuestion = false;
        for (var i = 0; i < template.Length; i++)
        {
            var end = template[i] == '{' ? IdentifierEnd(template, i + 1) : -1;
            if (end < 0 || end >= template.Length || template[end] != '}')
            {
                literal.Append(template[i]);
                continue;
            }

            var name = template[(i + 1)..end];
            if (!Known.Contains(name))
            {
                throw new G2rlException(
                    $"unknown placeholder {{{name}}} in prompt template; known: {{question}}, {{instruction}}");
            }

            hasQuestion |= name == "question";
            segments.Add((false, literal.ToString()));
            literal.Clear();
            segments.Add((true, name));
            i = end;
        }

        segments.Add((false, literal.ToString()));
        return hasQuestion
            ? segments
            : throw new G2rlException("prompt template has no {question} placeholder");
    }

    /// <summary>End (exclusive) of an identifier [A-Za-z_][A-Za-z0-9_]* starting at <paramref name="start"/>, or -1.</summary>
    private static int IdentifierEnd(string s, int start)
    {
        if (start >= s.Length || !(char.IsAsciiLetter(s[start]) || s[start] == '_'))
        {
            return -1;
        }

        var i = start + 1;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
        {
            i++;
        }

        return i;
    }
}
