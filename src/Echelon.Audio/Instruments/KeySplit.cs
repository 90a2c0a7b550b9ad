using System.Runtime.CompilerServices;

namespace Echelon.Audio.Instruments;

/// <summary>Plays notes below <c>split</c> on one instrument and the rest on another (drum keys and swell tones of the ambient percussion).</summary>
public sealed class KeySplit : IInstrument
{
    private readonly IInstrument _low;
    private readonly IInstrument _high;
    private readonly byte _split;

    /// <summary>Creates the split.</summary>
    public KeySplit(IInstrument low, IInstrument high, byte split)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        _low = low;
        _high = high;
        _split = split;
    }

    /// <inheritdoc />
    public void Prepare(int sampleRate, int maxBlock)
    {
        Dsp.RealTimeCode.CompileAhead(typeof(KeySplit));
        _low.Prepare(sampleRate, maxBlock);
        _high.Prepare(sampleRate, maxBlock);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void NoteOn(byte pitch, float velocity, long durationSamples) =>
        (pitch < _split ? _low : _high).NoteOn(pitch, velocity, durationSamples);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(Span<float> left, Span<float> right)
    {
        _low.Render(left, right);
        _high.Render(left, right);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _low.Reset();
        _high.Reset();
    }
}
