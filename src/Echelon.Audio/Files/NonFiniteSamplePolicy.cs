namespace Echelon.Audio.Files;

/// <summary>What the reader does with a NaN or infinite sample (only float data and lossy decoders can hold one).</summary>
public enum NonFiniteSamplePolicy
{
    /// <summary>Throw an <see cref="AudioFileException"/> (<see cref="AudioFileError.NonFiniteSample"/>) naming the first bad frame and channel. The default: numbers from outside are rejected at the edge (STYLE habit 10).</summary>
    Reject,

    /// <summary>Return 0 in its place and count it.</summary>
    ReplaceWithZero,

    /// <summary>Return it as stored and count it, so a checker sees exactly what the file holds.</summary>
    Keep,
}
