namespace Echelon.Music.Composition.Agents;

/// <summary>
/// Makes a pattern repeat the way a player repeats a groove: the random draws that shape a bar's
/// rhythm are kept from the first bar of every 8-bar cycle of a section and replayed on the
/// following bars, except on the last bar of each 4-bar phrase, which plays fresh draws (the
/// variation, where fills and turnarounds go).
/// </summary>
/// <remarks>
/// The agent still draws the same count of numbers every bar, so the random stream, and with it the
/// monotone coupling across intensities, is unchanged; only which draws a bar uses differs. Holds
/// its buffer from construction: <see cref="Apply"/> allocates nothing.
/// </remarks>
internal sealed class GrooveMemory
{
    /// <summary>Bars between fresh grooves.</summary>
    public const int CycleBars = 8;

    private readonly double[] _pattern;
    private int _length = -1;

    /// <summary>Creates a memory for patterns of up to <paramref name="capacity"/> draws.</summary>
    public GrooveMemory(int capacity) => _pattern = new double[capacity];

    /// <summary>Stores, replays or leaves <paramref name="pattern"/> as bar <paramref name="barInSection"/> of its section asks.</summary>
    public void Apply(Span<double> pattern, int barInSection)
    {
        bool variation = barInSection % 4 == 3;
        if (barInSection % CycleBars == 0 || _length != pattern.Length)
        {
            pattern.CopyTo(_pattern);
            _length = pattern.Length;
        }
        else if (!variation)
        {
            _pattern.AsSpan(0, _length).CopyTo(pattern);
        }
    }

    /// <summary>Forgets the stored groove.</summary>
    public void Reset() => _length = -1;
}
