using Echelon.Music.Composition;
using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Composition;

/// <summary>Bar contexts built by hand (a I–V–vi–IV loop by default) and helpers to run an agent over them.</summary>
internal static class ComposerTestKit
{
    public const int SampleRate = 48_000;

    /// <summary>Degrees of I–V–vi–IV.</summary>
    public static readonly int[] PopLoop = [0, 4, 5, 3];

    public static ControlState Control(double intensity, int section = 0, double density = 0.5, double brightness = 0.5, double tension = 0.5) =>
        new((float)intensity, (float)density, (float)brightness, (float)tension, section);

    /// <summary>
    /// <paramref name="bars"/> consecutive bars of <paramref name="degrees"/> (looped) in
    /// <paramref name="scale"/>, at <paramref name="bpm"/> and <paramref name="sampleRate"/>, each
    /// with the control state <paramref name="control"/> returns for the bar index.
    /// </summary>
    public static BarContext[] Bars(
        int bars,
        Scale scale,
        Func<int, ControlState> control,
        double bpm = 120.0,
        int beatsPerBar = 4,
        int sampleRate = SampleRate,
        int[]? degrees = null,
        long firstSample = 0)
    {
        degrees ??= PopLoop;
        double samplesPerBeat = sampleRate * 60.0 / bpm;
        var contexts = new BarContext[bars];
        for (int bar = 0; bar < bars; bar++)
        {
            Chord chord = Chord.OnDegree(scale, degrees[bar % degrees.Length]);
            Chord next = Chord.OnDegree(scale, degrees[(bar + 1) % degrees.Length]);
            long start = firstSample + (long)Math.Round(bar * beatsPerBar * samplesPerBeat);
            contexts[bar] = new BarContext(bar, start, samplesPerBeat, beatsPerBar, scale, chord, next, control(bar), sampleRate);
        }

        return contexts;
    }

    public static BarContext[] Bars(int bars, double intensity, Scale? scale = null, double bpm = 120.0) =>
        Bars(bars, scale ?? new Scale(0, Mode.Ionian), _ => Control(intensity), bpm);

    /// <summary>Every note of every bar, in order of composition.</summary>
    public static List<NoteEvent> Compose(IComposerAgent agent, IReadOnlyList<BarContext> bars)
    {
        var notes = new List<NoteEvent>();
        foreach (BarContext bar in bars)
        {
            agent.ComposeBar(bar, notes);
        }

        return notes;
    }

    /// <summary>Each bar's notes on their own.</summary>
    public static List<NoteEvent>[] ComposeByBar(IComposerAgent agent, IReadOnlyList<BarContext> bars)
    {
        var result = new List<NoteEvent>[bars.Count];
        for (int i = 0; i < bars.Count; i++)
        {
            result[i] = [];
            agent.ComposeBar(bars[i], result[i]);
        }

        return result;
    }

    public static long BarLength(in BarContext bar) => bar.Samples(bar.BeatsPerBar);
}
