using System.CommandLine;

namespace G2rl.Cli;

/// <summary>Parses arguments, runs the chosen command and turns expected failures into one-line errors.</summary>
public static class CliRunner
{
    /// <summary>Parses and invokes; user errors (<see cref="G2rlException"/>, bad files) print "error: ..." and return 1; parse errors return 2.</summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }
            return 2;
        }
        try
        {
            return parse.Invoke();
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static bool IsUserError(Exception ex) =>
        ex is G2rlException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or System.Text.Json.JsonException;
}
