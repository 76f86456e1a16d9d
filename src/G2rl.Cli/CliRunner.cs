using System.CommandLine;
using G2rl.Runtime;

namespace G2rl.Cli;

/// <summary>Parses arguments, runs the chosen command and turns expected failures into one-line errors.</summary>
public static class CliRunner
{
    /// <summary>
    /// Parses and invokes; user errors (<see cref="G2rlException"/>, bad files, I/O and permission errors) print one line
    /// "error: ..." and return <see cref="ExitCodes.Error"/>; parse errors return <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static int Run(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }
            return ExitCodes.Usage;
        }
        try
        {
            PreloadCudaIfRequested(args);
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Training.TrainingFailedException ex)
        {
            Console.Error.WriteLine($"error: {OneLine(ex.Message)}");
            return ExitCodes.TrainingFailed;
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            Console.Error.WriteLine($"error: {OneLine(ex.Message)}");
            return ExitCodes.Error;
        }
    }

    /// <summary>libtorch can be loaded once per process: with --device cuda it must be PyTorch's, before any tensor exists.</summary>
    private static void PreloadCudaIfRequested(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--device" && ComputeDevice.IsCuda(args[i + 1]))
            {
                TorchRuntime.Initialize(DeviceKind.Cuda);
            }
        }
        foreach (var a in args)
        {
            if (a.StartsWith("--device=", StringComparison.Ordinal) && ComputeDevice.IsCuda(a[9..]))
            {
                TorchRuntime.Initialize(DeviceKind.Cuda);
            }
        }
    }

    /// <summary>Faults of the user's files and environment: bad input, I/O (disk full, read-only, a folder where a file is expected), permissions.</summary>
    private static bool IsUserError(Exception ex) =>
        ex is G2rlException or IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException;

    /// <summary>Messages are printed on one line (a multi-line message from a library is joined).</summary>
    internal static string OneLine(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
