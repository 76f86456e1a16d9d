using System.CommandLine;

namespace G2rl.Cli;

/// <summary>Entry point of the <c>g2rl</c> command.</summary>
public static class Program
{
    /// <summary>Builds the root command with every sub-command registered.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("g2rl: GRPO with gradient-guided exploration (G2RL) for Qwen3 reasoners, on TorchSharp.");
        foreach (var command in CommandRegistry.All())
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Runs the CLI; returns the process exit code.</summary>
    public static int Main(string[] args) => CliRunner.Run(BuildRoot(), args);
}
