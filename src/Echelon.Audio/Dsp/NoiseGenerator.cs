using System.Runtime.CompilerServices;

namespace Echelon.Audio.Dsp;

/// <summary>Deterministic white or pink noise: the same seed always gives the same samples.</summary>
/// <remarks>
/// <para>
/// White noise is Marsaglia's xorshift32 (<c>x ^= x &lt;&lt; 13; x ^= x &gt;&gt; 17; x ^= x &lt;&lt; 5</c>;
/// "Xorshift RNGs", J. Stat. Software 8(14), 2003), period 2³² − 1; the top 24 bits become a float in
/// [−1, 1) exactly, so the RMS level is 1/√3 (−4.8 dBFS).
/// </para>
/// <para>
/// Pink noise is white noise through Paul Kellet's "refined" economy filter (music-dsp archive, 1999): seven
/// one-pole sections whose sum follows 1/f within ±0.05 dB from 9 Hz to Nyquist at 44.1 kHz (the
/// coefficients are used unchanged at other rates: the pole positions shift, the slope stays close to
/// −3 dB per octave in the audio band). It is scaled by 0.11, which keeps peaks near ±1 and the RMS near
/// −15 dBFS.
/// </para>
/// <para>Threading: one rendering thread; <see cref="Render"/> and <see cref="Tick"/> never allocate, lock or throw after <see cref="Prepare"/>.</para>
/// </remarks>
public sealed class NoiseGenerator
{
    private const uint ZeroSeedReplacement = 2463534242u; // Marsaglia's example seed; xorshift must not start at 0.
    private const float PinkScale = 0.11f;

    // The xorshift32 step is linear over GF(2): s_jumps[i] is the 32×32 bit matrix of 2^i steps, column j at [32i + j]
    // (the image of bit j), so Skip(n) costs one matrix-vector product per set bit of n.
    private static readonly uint[] s_jumps = BuildJumps();

    private NoiseColor _color;
    private uint _seed = 1;
    private uint _state = 1;
    private bool _prepared;
    private float _b0, _b1, _b2, _b3, _b4, _b5, _b6;

    /// <summary>The spectrum. Default <see cref="NoiseColor.White"/>.</summary>
    public NoiseColor Color
    {
        get => _color;
        set
        {
            DspGuard.Defined(value, nameof(Color));
            _color = value;
        }
    }

    /// <summary>The seed; setting it restarts the sequence from that seed (0 is replaced by a fixed non-zero seed). Default 1.</summary>
    public uint Seed
    {
        get => _seed;
        set
        {
            _seed = value;
            Reset();
        }
    }

    /// <summary>Prepares for rendering. Noise needs no allocation; the sample rate is checked for consistency.</summary>
    /// <param name="sampleRate">Samples per second, 8,000–384,000.</param>
    public void Prepare(int sampleRate)
    {
        DspGuard.SampleRate(sampleRate, nameof(sampleRate));
        _prepared = true;
        Reset();
    }

    /// <summary>Restarts the sequence from <see cref="Seed"/> and clears the pink filter.</summary>
    public void Reset()
    {
        _state = _seed == 0 ? ZeroSeedReplacement : _seed;
        _b0 = _b1 = _b2 = _b3 = _b4 = _b5 = _b6 = 0;
    }

    /// <summary>Generates one sample: the per-sample reference of <see cref="Render"/>.</summary>
    /// <returns>The next sample.</returns>
    public float Tick()
    {
        DspGuard.Prepared(_prepared, nameof(NoiseGenerator));
        return Next();
    }

    /// <summary>Writes (overwrites) the next <c>output.Length</c> samples; any length, zero included.</summary>
    /// <param name="output">Where the samples go.</param>
    public void Render(Span<float> output)
    {
        DspGuard.Prepared(_prepared, nameof(NoiseGenerator));
        for (int i = 0; i < output.Length; i++)
        {
            output[i] = Next();
        }
    }

    /// <summary>
    /// Advances the white sequence by <paramref name="count"/> draws without producing them, exactly as
    /// <paramref name="count"/> calls of <see cref="NextWhite"/> would (the pink filter is not advanced). For voices
    /// that skip the noise while it would be multiplied by zero but must keep the sequence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Skip(long count)
    {
        uint x = _state;
        for (int i = 0; count != 0; i++, count >>= 1)
        {
            if ((count & 1) != 0)
            {
                x = Apply(s_jumps.AsSpan(32 * i, 32), x);
            }
        }

        _state = x;
    }

    /// <summary>The next white sample in [−1, 1), without the preparation check (for voices that own a generator).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float NextWhite()
    {
        uint x = _state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _state = x;
        return ((int)x >> 8) * (1f / 8_388_608f);
    }

    /// <summary>The bit matrix (column j is the image of bit j) applied to <paramref name="x"/>.</summary>
    private static uint Apply(ReadOnlySpan<uint> matrix, uint x)
    {
        uint y = 0;
        for (int j = 0; j < 32; j++)
        {
            y ^= matrix[j] & (0u - ((x >> j) & 1));
        }

        return y;
    }

    private static uint Step(uint x)
    {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    }

    private static uint[] BuildJumps()
    {
        // Enough powers for any long count: 2^0 … 2^63 steps.
        var jumps = new uint[64 * 32];
        for (int j = 0; j < 32; j++)
        {
            jumps[j] = Step(1u << j);
        }

        for (int i = 1; i < 64; i++)
        {
            ReadOnlySpan<uint> half = jumps.AsSpan(32 * (i - 1), 32);
            for (int j = 0; j < 32; j++)
            {
                jumps[(32 * i) + j] = Apply(half, half[j]);
            }
        }

        return jumps;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Next()
    {
        float white = NextWhite();
        if (_color == NoiseColor.White)
        {
            return white;
        }

        _b0 = (0.99886f * _b0) + (white * 0.0555179f);
        _b1 = (0.99332f * _b1) + (white * 0.0750759f);
        _b2 = (0.96900f * _b2) + (white * 0.1538520f);
        _b3 = (0.86650f * _b3) + (white * 0.3104856f);
        _b4 = (0.55000f * _b4) + (white * 0.5329522f);
        _b5 = (-0.7616f * _b5) - (white * 0.0168980f);
        float pink = _b0 + _b1 + _b2 + _b3 + _b4 + _b5 + _b6 + (white * 0.5362f);
        _b6 = white * 0.115926f;
        return Denormal.Flush(pink * PinkScale);
    }
}
