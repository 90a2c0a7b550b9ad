using System.Diagnostics;

namespace Echelon.Cli.Tests.Infrastructure;

/// <summary>Runs the real <c>echelon</c> executable the way a user does.</summary>
internal static class EchelonProcess
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "echelon.dll"));
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), "echelon did not exit within three minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
