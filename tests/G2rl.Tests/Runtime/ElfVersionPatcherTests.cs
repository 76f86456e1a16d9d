using G2rl.Runtime;

namespace G2rl.Tests.Runtime;

/// <summary>The ELF patch marks exactly the named version requirement weak and nothing else.</summary>
public sealed class ElfVersionPatcherTests
{
    private static string ShimPath()
    {
        var tried = new List<string>();
        var dir = LibTorchLocator.FindFolderWith(LibTorchLocator.ShimCandidates(), "libLibTorchSharp.so", tried);
        Assert.NotNull(dir);
        return Path.Combine(dir, "libLibTorchSharp.so");
    }

    [Fact]
    public void MarksOnlyTheRequestedVersionWeak()
    {
        var image = File.ReadAllBytes(ShimPath());
        var before = ElfVersionPatcher.ReadRequirements(image);
        Assert.Contains(before, r => r.Version == "GLIBCXX_3.4.32" && r.File == "libstdc++.so.6" && (r.Flags & 2) == 0);
        Assert.Equal(1, ElfVersionPatcher.MarkWeak(image, new HashSet<string> { "GLIBCXX_3.4.32" }));
        var after = ElfVersionPatcher.ReadRequirements(image);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var expectedFlags = before[i].Version == "GLIBCXX_3.4.32" ? (ushort)(before[i].Flags | 2) : before[i].Flags;
            Assert.Equal((before[i].File, before[i].Version, expectedFlags), after[i]);
        }
        Assert.Equal(0, ElfVersionPatcher.MarkWeak(image, new HashSet<string> { "GLIBCXX_3.4.32" }));
    }

    [Fact]
    public void NonElfInputIsRejected()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadRequirements(new byte[100]));
    }

    [Fact]
    public void TorchSharpIsLoadedOnCpu()
    {
        Assert.Equal(DeviceKind.Cpu, TorchRuntime.Loaded);
        Assert.Equal(6f, TorchSharp.torch.ones(2, 3).sum().item<float>());
    }
}
