namespace Echelon.Music.Theory;

/// <summary>The seven diatonic modes, in the order of the major scale's degrees.</summary>
public enum Mode
{
    /// <summary>Major: W W H W W W H.</summary>
    Ionian = 0,

    /// <summary>Minor with a raised sixth.</summary>
    Dorian = 1,

    /// <summary>Minor with a lowered second.</summary>
    Phrygian = 2,

    /// <summary>Major with a raised fourth.</summary>
    Lydian = 3,

    /// <summary>Major with a lowered seventh.</summary>
    Mixolydian = 4,

    /// <summary>Natural minor.</summary>
    Aeolian = 5,

    /// <summary>Diminished fifth over a minor third.</summary>
    Locrian = 6,
}
