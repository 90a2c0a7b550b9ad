namespace Echelon.Music.Theory;

/// <summary>A chord: root pitch class (0–11) and quality; its tones are pitch classes or MIDI notes.</summary>
public readonly record struct Chord
{
    private static readonly int[][] s_intervals =
    [
        [0, 4, 7], [0, 3, 7], [0, 3, 6], [0, 4, 8], [0, 2, 7], [0, 5, 7],
        [0, 4, 7, 11], [0, 3, 7, 10], [0, 4, 7, 10], [0, 3, 6, 10],
    ];

    /// <summary>Creates a chord.</summary>
    public Chord(int root, ChordQuality quality)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(root);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(root, 11);
        if (!Enum.IsDefined(quality))
        {
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Unknown chord quality.");
        }

        Root = root;
        Quality = quality;
    }

    /// <summary>Root pitch class, 0 = C.</summary>
    public int Root { get; }

    /// <summary>The quality.</summary>
    public ChordQuality Quality { get; }

    /// <summary>Semitones above the root of each tone.</summary>
    public ReadOnlySpan<int> Intervals => s_intervals[(int)Quality];

    /// <summary>Number of tones.</summary>
    public int Count => s_intervals[(int)Quality].Length;

    /// <summary>The diatonic triad (or seventh) on scale degree <paramref name="degree"/> (0-based) of <paramref name="scale"/>.</summary>
    public static Chord OnDegree(Scale scale, int degree, bool seventh = false)
    {
        int root = scale.Offset(degree);
        int third = scale.Offset(degree + 2) - root;
        int fifth = scale.Offset(degree + 4) - root;
        int sev = scale.Offset(degree + 6) - root;
        ChordQuality quality = (third, fifth, seventh ? sev : -1) switch
        {
            (4, 7, -1) => ChordQuality.Major,
            (3, 7, -1) => ChordQuality.Minor,
            (3, 6, -1) => ChordQuality.Diminished,
            (4, 8, -1) => ChordQuality.Augmented,
            (4, 7, 11) => ChordQuality.Major7,
            (3, 7, 10) => ChordQuality.Minor7,
            (4, 7, 10) => ChordQuality.Dominant7,
            (3, 6, 10) => ChordQuality.HalfDiminished7,
            _ => ChordQuality.Major,
        };
        return new Chord((scale.Tonic + root) % 12, quality);
    }

    /// <summary>True when the MIDI note's pitch class is a chord tone.</summary>
    public bool Contains(int midiNote)
    {
        int pc = (((midiNote - Root) % 12) + 12) % 12;
        foreach (int interval in Intervals)
        {
            if (interval % 12 == pc)
            {
                return true;
            }
        }

        return false;
    }
}
