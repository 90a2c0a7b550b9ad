using Echelon.Core.Serialization;
using Echelon.Testing.Peers;

namespace Echelon.Core.Tests.Serialization;

public sealed class AtomicFileTests
{
    [Fact]
    public void Write_CreatesThenReplaces_AndLeavesNoTemporaryFileBehind()
    {
        using var dir = new TempDirectory();
        string path = dir.File("state.json");
        AtomicFile.Write(path, "first"u8);
        AtomicFile.Write(path, "second, longer"u8);
        Assert.Equal("second, longer"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_IntoAMissingFolder_FailsAndKeepsNothing()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "missing", "state.json");
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, "x"u8));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Write_WithAUnixMode_CreatesTheFileWithIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempDirectory();
        string path = dir.File("key.pfx");
        AtomicFile.Write(path, [1, 2, 3], UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
