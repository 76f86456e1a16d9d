using System.Reflection;

namespace G2rl.Tests.Cli;

/// <summary><c>g2rl --version</c> prints the package version (Directory.Build.props), the same as the library's.</summary>
public sealed class VersionCliTests
{
    [Fact]
    public void VersionPrintsThePackageVersion()
    {
        var result = CliProcess.Run(["--version"]);
        Assert.Equal(0, result.ExitCode);
        var library = typeof(G2rlException).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", result.Stdout.Trim());
        Assert.Equal(library, result.Stdout.Trim());
    }
}
