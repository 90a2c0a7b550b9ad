namespace Echelon.Audio.Evaluation;

/// <summary>A sampled series read from an annotation: times in seconds and one value per time (an f0 in Hz for melodies).</summary>
/// <remarks>Immutable: the constructor copies its inputs. Thread-safe.</remarks>
public sealed class TimeSeries
{
    private readonly double[] _times;
    private readonly double[] _values;

    /// <summary>Creates the series.</summary>
    /// <param name="times">Sample times in seconds.</param>
    /// <param name="values">One value per time.</param>
    /// <exception cref="ArgumentException">The two have different lengths.</exception>
    public TimeSeries(ReadOnlySpan<double> times, ReadOnlySpan<double> values)
    {
        if (times.Length != values.Length)
        {
            throw new ArgumentException($"{times.Length} times but {values.Length} values; a time series has one value per time.", nameof(values));
        }

        _times = times.ToArray();
        _values = values.ToArray();
    }

    /// <summary>Number of samples.</summary>
    public int Count => _times.Length;

    /// <summary>Sample times in seconds.</summary>
    public ReadOnlySpan<double> Times => _times;

    /// <summary>The value at each time.</summary>
    public ReadOnlySpan<double> Values => _values;
}
