using System.Text.RegularExpressions;

namespace G2rl.Tests.Sampling;

/// <summary>
/// TorchSharp 0.107's <c>Generator</c> is always a CPU generator whatever device it is given (dotnet/TorchSharp#1194) and a CUDA op
/// handed one throws, so no source file may bind one to a device: randomness is the sampler's counter streams or CPU draws moved to
/// the device. This scans src/ and bench/ for generator constructions with more than the seed argument.
/// </summary>
public sealed partial class NoDeviceGeneratorTests
{
    [GeneratedRegex(@"new\s+(?:torch\.)?Generator\s*\(")]
    private static partial Regex Construction();

    /// <summary>The argument text of each generator construction in <paramref name="source"/> (up to the matching parenthesis).</summary>
    internal static IEnumerable<string> ConstructorArguments(string source)
    {
        foreach (Match m in Construction().Matches(source))
        {
            var depth = 1;
            var i = m.Index + m.Length;
            var start = i;
            while (i < source.Length && depth > 0)
            {
                depth += source[i] == '(' ? 1 : source[i] == ')' ? -1 : 0;
                i++;
            }
            yield return source[start..(i - 1)];
        }
    }

    /// <summary>True when an argument list has a top-level comma (a second argument: the device).</summary>
    internal static bool HasDeviceArgument(string arguments)
    {
        var depth = 0;
        foreach (var c in arguments)
        {
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void TheScannerRecognisesADeviceArgument()
    {
        Assert.Equal(["(ulong)seed, model.Device"], ConstructorArguments("using var g = new Generator((ulong)seed, model.Device);"));
        Assert.True(HasDeviceArgument(ConstructorArguments("new torch.Generator(Seeds.Of(a, b), device)").Single()));
        Assert.False(HasDeviceArgument(ConstructorArguments("new Generator(Seeds.Of(a, b))").Single()));
        Assert.False(HasDeviceArgument(ConstructorArguments("new Generator((ulong)seed)").Single()));
    }

    [Fact]
    public void NoSourceFileBindsAGeneratorToADevice()
    {
        var root = RepoRoot();
        var offenders = new[] { "src", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ConstructorArguments(File.ReadAllText(f)).Where(HasDeviceArgument).Select(a => $"{Path.GetRelativePath(root, f)}: new Generator({a})"))
            .ToList();
        Assert.True(offenders.Count == 0, "generators bound to a device:\n" + string.Join("\n", offenders));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "G2rl.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no G2rl.slnx above {AppContext.BaseDirectory}");
    }
}
