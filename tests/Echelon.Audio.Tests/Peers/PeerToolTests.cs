namespace Echelon.Audio.Tests.Peers;

public sealed class PeerToolTests
{
    [Fact]
    public void Find_ToolNotOnPath_IsMissingAndNamesTheDebianPackage()
    {
        var tool = PeerTool.Find("aubioonset", "/nonexistent-echelon-dir");

        Assert.False(tool.IsAvailable);
        Assert.Null(tool.Path);
        Assert.Equal("aubio-tools", tool.Package);
        Assert.Contains("apt-get install aubio-tools", tool.MissingMessage, StringComparison.Ordinal);
        Assert.Contains("'aubioonset'", tool.MissingMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_UnknownTool_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => PeerTool.Find("aubiotempo", "/usr/bin"));
        Assert.Contains("aubio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ExecutableInAFolderOnPath_IsFound()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // execute bits are a Unix notion
        }

        using var dir = new TempDirectory();
        var fake = dir.File("sox");
        File.WriteAllText(fake, "#!/bin/sh\necho fake-sox \"$@\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var tool = PeerTool.Find("sox", "/nonexistent-echelon-dir" + Path.PathSeparator + dir.Path);

        Assert.Equal(fake, tool.Path);
        var run = tool.Run("--version", "a b");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("fake-sox --version a b", run.StandardOutput.Trim());
    }

    [Fact]
    public void Find_FileWithoutExecuteBit_IsNotATool()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("sox"), "not a program");
        File.SetUnixFileMode(dir.File("sox"), UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.False(PeerTool.Find("sox", dir.Path).IsAvailable);
    }

    [Fact]
    public void Run_NonzeroExit_ThrowsWithTheCommandAndStandardError()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fake = dir.File("sox");
        File.WriteAllText(fake, "#!/bin/sh\necho 'sox FAIL formats: can not open input file' >&2\nexit 2\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tool = PeerTool.Find("sox", dir.Path);

        var e = Assert.Throws<InvalidOperationException>(() => tool.Run("missing.wav", "-n", "stats"));
        Assert.Contains("sox missing.wav -n stats exited with 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("can not open input file", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, tool.Run(["x"], checkExitCode: false).ExitCode);
    }

    [Fact]
    public void Run_PastTheTimeout_KillsTheProcessAndThrows()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        var fake = dir.File("sox");
        File.WriteAllText(fake, "#!/bin/sh\nexec /bin/sleep 30\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var tool = PeerTool.Find("sox", dir.Path);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<TimeoutException>(() => tool.Run(["x"], TimeSpan.FromMilliseconds(300)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Run_MissingTool_ThrowsTheInstallHint()
    {
        var tool = PeerTool.Find("sox", "/nonexistent-echelon-dir");

        var e = Assert.Throws<InvalidOperationException>(() => tool.Run("--version"));
        Assert.Contains("apt-get install sox", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_NativeLibrary_LoadsRatherThanLooksOnPathAndCannotRun()
    {
        var library = PeerTool.Find("libsndfile", "/nonexistent-echelon-dir");

        Assert.Equal("libsndfile1", library.Package);
        Assert.Contains("native library", library.MissingMessage, StringComparison.Ordinal);
        Assert.Contains("apt-get install libsndfile1", library.MissingMessage, StringComparison.Ordinal);
        if (library.IsAvailable || PeerTool.PeersRequired)
        {
            Assert.NotNull(library.Path); // found without PATH: libraries are not looked up there
            var e = Assert.Throws<InvalidOperationException>(() => library.Run("--version"));
            Assert.Contains("not a program", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SkipReason_EveryKnownTool_IsNullExactlyWhenTheToolIsPresent()
    {
        foreach (var name in PeerTool.KnownTools.Keys)
        {
            var reason = PeerTool.SkipReason([name]);
            if (PeerTool.PeersRequired || PeerTool.Get(name).IsAvailable)
            {
                Assert.Null(reason);
            }
            else
            {
                Assert.Contains(PeerTool.KnownTools[name], reason, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void PeerFact_WithAToolPresentOrRequired_DoesNotSkip()
    {
        // Whatever this machine has: the attribute's Skip agrees with the lookup.
        var attribute = new PeerFactAttribute("sox", "aubio");
        Assert.Equal(PeerTool.SkipReason(["sox", "aubio"]), attribute.Skip);
        Assert.Equal(["sox", "aubio"], attribute.Tools);
    }
}
