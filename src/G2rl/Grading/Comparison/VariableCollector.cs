using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>Collects the names of free variables of expressions, in ordinal order.</summary>
internal static class VariableCollector
{
    public static IReadOnlyList<string> Collect(params Expr[] roots)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var stack = new Stack<Expr>(roots);
        while (stack.Count > 0)
        {
            var expr = stack.Pop();
            if (expr is VariableExpr variable)
            {
                names.Add(variable.Name);
            }
            foreach (var child in expr.Children)
            {
                stack.Push(child);
            }
        }
        return [.. names];
    }
}
