namespace G2rl.Grading.Syntax;

/// <summary>A node of a parsed answer. Leaves are numbers, variables, constants and text.</summary>
internal abstract record Expr
{
    /// <summary>Direct sub-expressions, for walks that do not care about the node type.</summary>
    public abstract IEnumerable<Expr> Children { get; }
}
