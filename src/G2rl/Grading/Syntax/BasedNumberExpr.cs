namespace G2rl.Grading.Syntax;

/// <summary>A numeral with a base subscript, such as 204_5 or 4210_{5}.</summary>
internal sealed record BasedNumberExpr(string Digits, int Base) : Expr
{
    public override IEnumerable<Expr> Children => [];
}
