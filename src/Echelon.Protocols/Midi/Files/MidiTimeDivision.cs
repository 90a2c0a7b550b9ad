using System.Globalization;

namespace Echelon.Protocols.Midi.Files;

/// <summary>
/// What a tick means (the division word of the file header, SMF 1.0): either a fraction of a
/// quarter note (metrical time, the tempo map turns it into seconds) or a fraction of an SMPTE
/// frame (absolute time; tempo events do not change it).
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public readonly record struct MidiTimeDivision
{
    /// <summary>The default resolution of files this project writes: 480 ticks per quarter note.</summary>
    public const int DefaultTicksPerQuarterNote = 480;

    private MidiTimeDivision(int ticksPerQuarterNote, int smpteFramesPerSecond, int ticksPerFrame)
    {
        TicksPerQuarterNote = ticksPerQuarterNote;
        SmpteFramesPerSecond = smpteFramesPerSecond;
        TicksPerFrame = ticksPerFrame;
    }

    /// <summary>Ticks per quarter note for metrical time; 0 for SMPTE time.</summary>
    public int TicksPerQuarterNote { get; }

    /// <summary>The SMPTE format for SMPTE time: 24, 25, 29 (30 drop-frame, 29.97 frames/s) or 30; 0 for metrical time.</summary>
    public int SmpteFramesPerSecond { get; }

    /// <summary>Ticks per SMPTE frame for SMPTE time; 0 for metrical time.</summary>
    public int TicksPerFrame { get; }

    /// <summary>True for SMPTE (absolute) time.</summary>
    public bool IsSmpte => SmpteFramesPerSecond != 0;

    /// <summary>Ticks per second for SMPTE time (29 means 30000/1001 frames per second); NaN for metrical time.</summary>
    public double TicksPerSecond => IsSmpte ? FramesPerSecond(SmpteFramesPerSecond) * TicksPerFrame : double.NaN;

    /// <summary>480 ticks per quarter note.</summary>
    public static MidiTimeDivision Default => Metrical(DefaultTicksPerQuarterNote);

    /// <summary>Metrical time: <paramref name="ticksPerQuarterNote"/> ticks per quarter note (1–32767).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1–32767.</exception>
    public static MidiTimeDivision Metrical(int ticksPerQuarterNote)
    {
        if (ticksPerQuarterNote is < 1 or > 0x7FFF)
        {
            MidiThrow.OutOfRange(nameof(ticksPerQuarterNote), ticksPerQuarterNote, "ticks per quarter note must be in [1, 32767]");
        }

        return new MidiTimeDivision(ticksPerQuarterNote, 0, 0);
    }

    /// <summary>SMPTE time: <paramref name="framesPerSecond"/> (24, 25, 29 or 30) frames of <paramref name="ticksPerFrame"/> (1–255) ticks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not allowed.</exception>
    public static MidiTimeDivision Smpte(int framesPerSecond, int ticksPerFrame)
    {
        if (framesPerSecond is not (24 or 25 or 29 or 30))
        {
            MidiThrow.OutOfRange(nameof(framesPerSecond), framesPerSecond, "the SMPTE format must be 24, 25, 29 (drop-frame) or 30");
        }

        if (ticksPerFrame is < 1 or > 255)
        {
            MidiThrow.OutOfRange(nameof(ticksPerFrame), ticksPerFrame, "ticks per frame must be in [1, 255]");
        }

        return new MidiTimeDivision(0, framesPerSecond, ticksPerFrame);
    }

    /// <summary>Decodes the header's division word; false when it is not allowed (0 ticks, an unknown SMPTE format).</summary>
    public static bool TryFromWord(ushort word, out MidiTimeDivision division)
    {
        division = default;
        if ((word & 0x8000) == 0)
        {
            if (word == 0)
            {
                return false;
            }

            division = new MidiTimeDivision(word, 0, 0);
            return true;
        }

        int fps = -(sbyte)(word >> 8);
        int tpf = word & 0xFF;
        if (fps is not (24 or 25 or 29 or 30) || tpf == 0)
        {
            return false;
        }

        division = new MidiTimeDivision(0, fps, tpf);
        return true;
    }

    /// <summary>The header's division word.</summary>
    public ushort ToWord() =>
        IsSmpte ? (ushort)(((byte)(sbyte)-SmpteFramesPerSecond << 8) | TicksPerFrame) : (ushort)TicksPerQuarterNote;

    /// <summary>"480 ticks per quarter note" or "SMPTE 25 fps × 40 ticks".</summary>
    public override string ToString() => IsSmpte
        ? string.Create(CultureInfo.InvariantCulture, $"SMPTE {SmpteFramesPerSecond} fps × {TicksPerFrame} ticks")
        : string.Create(CultureInfo.InvariantCulture, $"{TicksPerQuarterNote} ticks per quarter note");

    internal static double FramesPerSecond(int smpteFormat) => smpteFormat == 29 ? 30000.0 / 1001.0 : smpteFormat;
}
