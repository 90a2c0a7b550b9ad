namespace Echelon.Audio.Wav;

/// <summary>
/// Triangular-PDF dither in LSB units: the sum of two independent uniform values in [-0.5, 0.5),
/// so the result lies in [-1, 1) with a triangular density. xorshift64* is used instead of
/// <see cref="Random"/> so the sequence is fixed by this code, not by a runtime version, and
/// drawing allocates nothing.
/// </summary>
internal struct TpdfDither
{
    private const double Scale = 1.0 / (1UL << 53);

    private ulong _state;

    public TpdfDither(ulong seed)
    {
        // xorshift must not start at 0 (it would stay there forever).
        _state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed;
    }

    /// <summary>Next dither value in LSB, in [-1, 1).</summary>
    public double Next() => NextUniform() + NextUniform() - 1.0;

    private double NextUniform()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return ((_state * 0x2545_F491_4F6C_DD1DUL) >> 11) * Scale;
    }
}
