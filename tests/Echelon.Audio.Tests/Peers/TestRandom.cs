namespace Echelon.Audio.Tests.Peers;

/// <summary>A small seeded generator (xorshift64*), so test signals do not depend on a runtime's <see cref="Random"/>.</summary>
public struct TestRandom(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    /// <summary>Uniform in [0, 1).</summary>
    public double NextUnit()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return ((_state * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform in [-1, 1).</summary>
    public double NextSigned() => (2 * NextUnit()) - 1;
}
