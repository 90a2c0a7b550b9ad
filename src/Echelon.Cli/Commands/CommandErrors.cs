namespace Echelon.Cli.Commands;

/// <summary>How every command reports a failure: one "error: …" line on stderr and an exit code.</summary>
internal static class CommandErrors
{
    /// <summary>Exit code for bad arguments or unreadable input (nothing was written).</summary>
    public const int BadInput = 2;

    /// <summary>Prints <paramref name="message"/> as an error and returns <paramref name="code"/>.</summary>
    public static int Fail(string message, int code = BadInput)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
