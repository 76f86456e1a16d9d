using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// A list of assignments that repeats the same names in the same order, "p=5, q=2; p=7, q=2", read as the
/// tuples of values it lists, (5, 2), (7, 2), when the other answer is a list of tuples of that length.
/// </summary>
internal static class AssignmentGroups
{
    /// <summary>The tuples <paramref name="list"/> stands for, given tuples of <paramref name="width"/> items; or null.</summary>
    public static SetExpr? AsTuples(Expr list, int width)
    {
        if (width < 2 || list is not SetExpr { Bare: true } set || set.Items.Count % width != 0 || set.Items.Count == width)
        {
            return null;
        }
        var names = new List<string>();
        var values = new List<Expr>();
        foreach (var item in set.Items)
        {
            if (item is not RelationExpr { Operators: [RelationOperator.Equal], Operands: [VariableExpr name, var value] })
            {
                return null;
            }
            names.Add(name.Name);
            values.Add(value);
        }
        for (var i = width; i < names.Count; i++)
        {
            if (names[i] != names[i - width])
            {
                return null;
            }
        }
        if (names.Take(width).Distinct(StringComparer.Ordinal).Count() != width)
        {
            return null;
        }
        var tuples = Enumerable.Range(0, values.Count / width)
            .Select(g => (Expr)new TupleExpr([.. values.Skip(g * width).Take(width)]))
            .ToList();
        return new SetExpr(tuples, Bare: true);
    }

    /// <summary>The common length of the tuples of a list of tuples, or 0.</summary>
    public static int TupleWidth(Expr expr) =>
        expr is SetExpr set && set.Items.Count > 0 && set.Items.All(i => i is TupleExpr t && t.Items.Count == ((TupleExpr)set.Items[0]).Items.Count)
            ? ((TupleExpr)set.Items[0]).Items.Count
            : 0;
}
