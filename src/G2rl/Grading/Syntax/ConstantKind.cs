namespace G2rl.Grading.Syntax;

/// <summary>Named mathematical constants.</summary>
internal enum ConstantKind
{
    Pi,
    E,
    ImaginaryUnit,
    Infinity,
}
