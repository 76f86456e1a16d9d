using System.Diagnostics;

namespace G2rl.Runtime;

/// <summary>Finds the folders holding libtorch and TorchSharp's native shim.</summary>
internal static class LibTorchLocator
{
    private const string TorchSharpVersion = "0.107.0";
    private const string LibTorchCpuVersion = "2.10.0";

    /// <summary>Candidate folders for the CPU libtorch natives, most specific first.</summary>
    public static IEnumerable<string> CpuNativeCandidates() =>
        AppCandidates().Append(Path.Combine(NuGetRoot(), "libtorch-cpu-linux-x64", LibTorchCpuVersion, "runtimes", "linux-x64", "native"));

    /// <summary>Candidate folders for <c>libLibTorchSharp.so</c>.</summary>
    public static IEnumerable<string> ShimCandidates() =>
        AppCandidates().Append(Path.Combine(NuGetRoot(), "torchsharp", TorchSharpVersion, "runtimes", "linux-x64", "native"));

    /// <summary>The first candidate folder that contains <paramref name="file"/>, or null.</summary>
    public static string? FindFolderWith(IEnumerable<string> candidates, string file, List<string> tried)
    {
        foreach (var dir in candidates.Distinct())
        {
            var path = Path.Combine(dir, file);
            tried.Add(path);
            if (File.Exists(path))
            {
                return dir;
            }
        }
        return null;
    }

    /// <summary>
    /// The lib folder of a PyTorch install: <c>G2RL_LIBTORCH</c> when set, else asks <c>python3</c>.
    /// Throws a <see cref="G2rlException"/> naming everything that was tried.
    /// </summary>
    public static string CudaLibFolder()
    {
        var tried = new List<string>();
        var env = Environment.GetEnvironmentVariable("G2RL_LIBTORCH");
        if (!string.IsNullOrWhiteSpace(env))
        {
            if (File.Exists(Path.Combine(env, "libtorch_cuda.so")))
            {
                return env;
            }
            tried.Add($"G2RL_LIBTORCH={env} (no libtorch_cuda.so there)");
        }
        else
        {
            tried.Add("G2RL_LIBTORCH (not set)");
        }
        var fromPython = AskPython(out var pythonNote);
        tried.Add(pythonNote);
        if (fromPython is not null && File.Exists(Path.Combine(fromPython, "libtorch_cuda.so")))
        {
            return fromPython;
        }
        if (fromPython is not null)
        {
            tried.Add($"{fromPython} (no libtorch_cuda.so: is this a CPU-only PyTorch?)");
        }
        throw new G2rlException(
            "--device cuda needs libtorch with CUDA from a PyTorch install. Tried: " + string.Join("; ", tried) +
            ". Set G2RL_LIBTORCH to the folder holding libtorch_cuda.so (e.g. .../site-packages/torch/lib).");
    }

    private static string? AskPython(out string note)
    {
        try
        {
            var psi = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))");
            using var p = Process.Start(psi);
            if (p is null)
            {
                note = "python3 (could not start)";
                return null;
            }
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.StandardError.ReadToEnd();
            if (!p.WaitForExit(60_000) || p.ExitCode != 0 || output.Length == 0)
            {
                note = "python3 -c 'import torch' (failed: no PyTorch in that python)";
                return null;
            }
            note = $"python3 -c 'import torch' -> {output}";
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            note = "python3 (not found on PATH)";
            return null;
        }
    }

    private static IEnumerable<string> AppCandidates()
    {
        var baseDir = AppContext.BaseDirectory;
        yield return Path.Combine(baseDir, "runtimes", "linux-x64", "native");
        yield return baseDir;
        var tsDir = Path.GetDirectoryName(typeof(TorchSharp.torch).Assembly.Location);
        if (!string.IsNullOrEmpty(tsDir))
        {
            yield return tsDir;
            yield return Path.Combine(tsDir, "runtimes", "linux-x64", "native");
        }
    }

    private static string NuGetRoot()
    {
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrWhiteSpace(env)
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
