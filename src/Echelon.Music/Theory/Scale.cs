namespace Echelon.Music.Theory;

/// <summary>
/// A key: tonic pitch class (0 = C … 11 = B) and mode. Degrees count from 0 (the tonic) and may run
/// past 6 or below 0 into neighbouring octaves.
/// </summary>
public readonly record struct Scale
{
    private static readonly int[] s_ionian = [0, 2, 4, 5, 7, 9, 11];

    /// <summary>Creates a scale; the tonic must be 0–11 and the mode defined.</summary>
    public Scale(int tonic, Mode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tonic);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tonic, 11);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "mode must be one of ionian, dorian, phrygian, lydian, mixolydian, aeolian, locrian.");
        }

        Tonic = tonic;
        Mode = mode;
    }

    /// <summary>Tonic pitch class, 0 = C.</summary>
    public int Tonic { get; }

    /// <summary>The mode.</summary>
    public Mode Mode { get; }

    /// <summary>Semitones above the tonic of scale degree <paramref name="degree"/> (any integer).</summary>
    public int Offset(int degree)
    {
        int octave = (int)Math.Floor(degree / 7.0);
        int index = degree - (octave * 7);
        int rotation = (int)Mode;
        int semis = s_ionian[(index + rotation) % 7] - s_ionian[rotation];
        if (semis < 0)
        {
            semis += 12;
        }

        return (octave * 12) + semis;
    }

    /// <summary>The MIDI note of <paramref name="degree"/>, with degree 0 in MIDI octave <paramref name="octave"/> (octave 4 holds middle C, 60).</summary>
    public int Note(int degree, int octave = 4) => ((octave + 1) * 12) + Tonic + Offset(degree);

    /// <summary>True when the MIDI note's pitch class is in the scale.</summary>
    public bool Contains(int midiNote)
    {
        int pc = (((midiNote - Tonic) % 12) + 12) % 12;
        for (int d = 0; d < 7; d++)
        {
            if (Offset(d) == pc)
            {
                return true;
            }
        }

        return false;
    }
}
