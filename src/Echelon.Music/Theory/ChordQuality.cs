namespace Echelon.Music.Theory;

/// <summary>Chord qualities, as intervals above the root.</summary>
public enum ChordQuality
{
    /// <summary>0 4 7.</summary>
    Major = 0,

    /// <summary>0 3 7.</summary>
    Minor = 1,

    /// <summary>0 3 6.</summary>
    Diminished = 2,

    /// <summary>0 4 8.</summary>
    Augmented = 3,

    /// <summary>0 2 7.</summary>
    Suspended2 = 4,

    /// <summary>0 5 7.</summary>
    Suspended4 = 5,

    /// <summary>0 4 7 11.</summary>
    Major7 = 6,

    /// <summary>0 3 7 10.</summary>
    Minor7 = 7,

    /// <summary>0 4 7 10.</summary>
    Dominant7 = 8,

    /// <summary>0 3 6 10.</summary>
    HalfDiminished7 = 9,
}
