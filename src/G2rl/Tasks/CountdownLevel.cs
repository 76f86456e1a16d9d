namespace G2rl.Tasks;

/// <summary>How one countdown difficulty draws its problems.</summary>
/// <param name="Count">How many distinct numbers are given.</param>
/// <param name="MinNumber">Smallest number that may be drawn.</param>
/// <param name="MaxNumber">Largest number that may be drawn.</param>
/// <param name="MinTarget">Smallest target; targets also exceed every given number, so one number alone never solves it.</param>
/// <param name="MaxTarget">Largest target.</param>
internal sealed record CountdownLevel(int Count, int MinNumber, int MaxNumber, int MinTarget, int MaxTarget);
