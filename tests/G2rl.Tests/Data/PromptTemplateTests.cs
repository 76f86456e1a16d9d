using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tests.Data;

public sealed class PromptTemplateTests
{
    private static readonly Problem MathProblem = new("1", "What is 1+1?", "2", AnswerKind.Math, null, "t");
    private static readonly Problem ChoiceProblem = new("2", "Pick one.\n\nA. x\nB. y", "B", AnswerKind.Choice, ["x", "y"], "t");

    [Fact]
    public void Default_is_the_qwen_chat_format_with_the_paper_instruction()
    {
        Assert.Same(PromptTemplate.QwenChat, PromptTemplate.FromName("default"));
        Assert.Equal(
            "<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n"
            + "<|im_start|>user\nWhat is 1+1?<|im_end|>\n<|im_start|>assistant\n",
            PromptTemplate.QwenChat.Render(MathProblem));
    }

    [Fact]
    public void Choice_problems_ask_for_the_letter()
    {
        var text = PromptTemplate.Plain.Render(ChoiceProblem);
        Assert.Equal(PromptTemplate.ChoiceInstruction + "\n\nPick one.\n\nA. x\nB. y\n", text);
        Assert.Contains("letter", PromptTemplate.ChoiceInstruction, StringComparison.Ordinal);
        Assert.Contains("\\boxed{}", PromptTemplate.ChoiceInstruction, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_template_has_no_chat_tokens()
    {
        Assert.Equal(PromptTemplate.MathInstruction + "\n\nWhat is 1+1?\n", PromptTemplate.FromName("PLAIN").Render(MathProblem));
    }

    [Fact]
    public void Custom_templates_substitute_once_and_keep_other_braces()
    {
        var t = PromptTemplate.FromName("Q: {question}\n{ x } \\boxed{} {} {instruction}");
        Assert.Equal("custom", t.Name);
        Assert.Equal(
            "Q: What is {instruction}?\n{ x } \\boxed{} {} " + PromptTemplate.MathInstruction,
            t.Render("What is {instruction}?", AnswerKind.Math));
    }

    [Fact]
    public void Instruction_can_be_overridden_and_restored()
    {
        var t = PromptTemplate.Plain.WithInstruction("Answer briefly.");
        Assert.Equal("Answer briefly.\n\nWhat is 1+1?\n", t.Render(MathProblem));
        Assert.Equal("Answer briefly.", t.InstructionFor(AnswerKind.Choice));
        Assert.Equal(PromptTemplate.ChoiceInstruction, t.WithInstruction(null).InstructionFor(AnswerKind.Choice));
        Assert.Null(PromptTemplate.Plain.Instruction);
    }

    [Fact]
    public void Unknown_placeholders_names_and_missing_question_are_errors()
    {
        var e = Assert.Throws<G2rlException>(() => PromptTemplate.Custom("{question} {answer}"));
        Assert.Contains("{answer}", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<G2rlException>(() => PromptTemplate.Custom("{instruction} only"));
        Assert.Contains("{question}", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<G2rlException>(() => PromptTemplate.FromName("llama"));
        Assert.Contains("qwen", e.Message, StringComparison.Ordinal);
        Assert.Contains("plain", e.Message, StringComparison.Ordinal);
    }
}
