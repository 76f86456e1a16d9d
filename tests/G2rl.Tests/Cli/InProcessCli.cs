namespace G2rl.Tests.Cli;

/// <summary>Runs the <c>g2rl</c> CLI inside the test process (<see cref="G2rl.Cli.CliRunner"/>), capturing stdout and stderr.</summary>
internal static class InProcessCli
{
    private static readonly Lock Gate = new();

    public static CliProcess.Result Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var code = G2rl.Cli.CliRunner.Run(G2rl.Cli.Program.BuildRoot(), args);
                return new CliProcess.Result(code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}

/// <summary>Test classes that swap the process's console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCliCollection
{
    public const string Name = "In-process CLI";
}
