namespace G2rl.Grading.Syntax;

/// <summary>Functions the evaluator knows.</summary>
internal enum FunctionKind
{
    Sqrt,
    Root,
    Sin,
    Cos,
    Tan,
    Cot,
    Sec,
    Csc,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Ln,
    Log,
    Exp,
    Abs,
    Floor,
    Ceiling,
    Factorial,
    Binomial,
}
