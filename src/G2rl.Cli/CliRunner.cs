using System.CommandLine;
using G2rl.Runtime;

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
            PreloadCudaIfRequested(args);
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
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

    private static bool IsUserError(Exception ex) =>
        ex is G2rlException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or System.Text.Json.JsonException;
}
