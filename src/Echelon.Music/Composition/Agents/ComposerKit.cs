using Echelon.Core.Numerics;

namespace Echelon.Music.Composition.Agents;

/// <summary>
/// What every agent shares: checking a bar context, clamping the controls, and drawing one bar's
/// random numbers up front.
/// </summary>
/// <remarks>
/// Each agent draws a fixed number of uniforms per bar (a fixed count per 16th slot plus a few
/// for the bar) before it looks at the controls, and decides every note by comparing those draws
/// with thresholds that move monotonically with intensity. The random stream therefore does not
/// depend on the controls: with the same seed, a louder setting plays a superset of the notes of
/// a quieter one (coupled randomness), which is what makes an intensity sweep rise monotonically
/// in onset density instead of only on average.
/// </remarks>
internal static class ComposerKit
{
    /// <summary>Longest bar an agent composes (16 beats); keeps the per-bar scratch on the stack.</summary>
    public const int MaxBeatsPerBar = 16;

    /// <summary>16th-note slots in the longest bar.</summary>
    public const int MaxSlots = MaxBeatsPerBar * 4;

    /// <summary>Throws when the bar cannot be composed (meter outside 1–16, tempo not a positive finite beat length).</summary>
    public static void Validate(in BarContext context)
    {
        if (context.BeatsPerBar is < 1 or > MaxBeatsPerBar)
        {
            throw new ArgumentOutOfRangeException(nameof(context), context.BeatsPerBar, "BeatsPerBar must be 1–16.");
        }

        if (!double.IsFinite(context.SamplesPerBeat) || context.SamplesPerBeat < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(context), context.SamplesPerBeat, "SamplesPerBeat must be finite and at least 1.");
        }
    }

    /// <summary>A control value clamped to 0–1; NaN reads as 0.</summary>
    public static double Unit(float value) => float.IsNaN(value) ? 0.0 : Math.Clamp(value, 0f, 1f);

    /// <summary>A velocity clamped into (0, 1].</summary>
    public static float Velocity(double value) => (float)Math.Clamp(value, 0.02, 1.0);

    /// <summary>A duration of <paramref name="beats"/> beats in samples, at least one sample.</summary>
    public static long Duration(in BarContext context, double beats) => Math.Max(1L, context.Samples(beats));

    /// <summary>Fills <paramref name="draws"/> with uniforms in [0, 1).</summary>
    public static void Draw(DeterministicRandom random, Span<double> draws)
    {
        for (int k = 0; k < draws.Length; k++)
        {
            draws[k] = random.NextDouble();
        }
    }

    /// <summary>Metrical weight of a 16th slot: 1 the downbeat, 0.85 the middle beat, 0.7 other beats, 0.45 8th off-beats, 0.15 16ths.</summary>
    public static double MetricWeight(int slot, int beatsPerBar)
    {
        if (slot == 0)
        {
            return 1.0;
        }

        int position = slot & 3;
        if (position == 0)
        {
            return beatsPerBar >= 3 && slot >> 2 == beatsPerBar / 2 ? 0.85 : 0.7;
        }

        return position == 2 ? 0.45 : 0.15;
    }

    /// <summary>The MIDI note of pitch class <paramref name="pitchClass"/> nearest to <paramref name="target"/> inside [<paramref name="low"/>, <paramref name="high"/>] (the range must span an octave).</summary>
    public static int Nearest(int pitchClass, int target, int low, int high)
    {
        int candidate = target - ((((target - pitchClass) % 12) + 12) % 12);
        if (target - candidate > 6)
        {
            candidate += 12;
        }

        while (candidate < low)
        {
            candidate += 12;
        }

        while (candidate > high)
        {
            candidate -= 12;
        }

        return candidate;
    }

    /// <summary>Folds <paramref name="note"/> by octaves into [<paramref name="low"/>, <paramref name="high"/>] (the range must span an octave).</summary>
    public static int Fold(int note, int low, int high)
    {
        while (note < low)
        {
            note += 12;
        }

        while (note > high)
        {
            note -= 12;
        }

        return note;
    }
}
