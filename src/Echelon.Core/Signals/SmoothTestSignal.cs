using Echelon.Core.Numerics;

namespace Echelon.Core.Signals;

/// <summary>
/// A deterministic smooth input stream: every slot is an offset plus a slow sway (0.02–0.1 Hz, the
/// band of postural sway), so frame-to-frame changes are small and a warm start is near the answer.
/// </summary>
public sealed class SmoothTestSignal
{
    private readonly double[] _offset;
    private readonly double[] _amplitude;
    private readonly double[] _frequency;
    private readonly double[] _phase;

    /// <summary>Draws the per-slot sways from <paramref name="seed"/>.</summary>
    public SmoothTestSignal(int inputSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        var rng = new DeterministicRandom(seed);
        _offset = new double[inputSize];
        _amplitude = new double[inputSize];
        _frequency = new double[inputSize];
        _phase = new double[inputSize];
        for (int j = 0; j < inputSize; j++)
        {
            _frequency[j] = rng.NextDouble(0.02, 0.1);
            _phase[j] = rng.NextDouble(0, 2 * Math.PI);
            _amplitude[j] = rng.NextDouble(0.2, 1.0);
            _offset[j] = rng.NextDouble(-0.5, 0.5);
        }
    }

    /// <summary>Input size.</summary>
    public int InputSize => _offset.Length;

    /// <summary>Writes the input at <paramref name="time"/> seconds.</summary>
    public void Fill(double time, Span<double> input)
    {
        if (input.Length != InputSize)
        {
            ThrowHelper.ThrowWrongSize("input", InputSize, input.Length);
        }

        for (int j = 0; j < input.Length; j++)
        {
            input[j] = _offset[j] + (_amplitude[j] * Math.Sin((2 * Math.PI * _frequency[j] * time) + _phase[j]));
        }
    }
}
