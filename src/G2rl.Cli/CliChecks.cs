namespace G2rl.Cli;

/// <summary>Range checks of command-line values, made before any model is loaded; errors name the option.</summary>
internal static class CliChecks
{
    public static int AtLeast(int value, int min, string option) =>
        value >= min ? value : throw new G2rlException($"{option} must be ≥ {min}, got {value}");

    public static double Finite(double value, string option) =>
        double.IsFinite(value) ? value : throw new G2rlException($"{option} must be a finite number, got {value}");

    /// <summary>max_new_tokens must leave room for a prompt in the model's context (and so cannot overflow an int with it).</summary>
    public static void FitsContext(int maxNewTokens, int context, string option = "--max-new-tokens")
    {
        if (maxNewTokens >= context)
        {
            throw new G2rlException($"{option} {maxNewTokens} leaves no room for a prompt in the model's context of {context} tokens");
        }
    }
}
