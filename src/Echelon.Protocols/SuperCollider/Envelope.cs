namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// Breakpoint envelopes for <c>EnvGen</c>, laid out as sclang's <c>Env.asArray</c>: initial level,
/// segment count, release node, loop node (−99 for none), then per segment level, time, shape and
/// curvature. Levels and times may be parameters or other signals.
/// </summary>
public static class Envelope
{
    /// <summary>"No node", for the release and loop node fields.</summary>
    public const float NoNode = -99;

    /// <summary>Segment shape 5: the curvature value bends the segment (negative: fast start).</summary>
    public const float CurveShape = 5;

    /// <summary>scsynth's <c>doneAction</c> 2: free the synth when the envelope ends.</summary>
    public const float FreeSelf = 2;

    /// <summary>
    /// Adds <c>EnvGen</c> running <paramref name="envelope"/> (from <see cref="Perc"/>, <see cref="Adsr"/>
    /// or <see cref="Line"/>) to <paramref name="builder"/>.
    /// </summary>
    public static Signal EnvGen(SynthDefBuilder builder, UGenRate rate, Signal gate, float doneAction, Signal[] envelope)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(envelope);
        Signal[] inputs = [gate, 1f, 0f, 1f, doneAction, .. envelope];
        return builder.Add("EnvGen", rate, 1, 0, inputs)[0];
    }

    /// <summary>Percussive: 0 → 1 in <paramref name="attack"/> s, → 0 in <paramref name="release"/> s (sclang <c>Env.perc</c>).</summary>
    public static Signal[] Perc(Signal attack, Signal release, float curve = -4) =>
        [0f, 2f, NoNode, NoNode, 1f, attack, CurveShape, curve, 0f, release, CurveShape, curve];

    /// <summary>
    /// Attack–decay–sustain–release (sclang <c>Env.adsr</c>): holds <paramref name="sustain"/> while the
    /// gate is open, then falls to 0 in <paramref name="release"/> s.
    /// </summary>
    public static Signal[] Adsr(Signal attack, Signal decay, Signal sustain, Signal release, float curve = -4) =>
        [0f, 3f, 2f, NoNode, 1f, attack, CurveShape, curve, sustain, decay, CurveShape, curve, 0f, release, CurveShape, curve];

    /// <summary>From <paramref name="start"/> to <paramref name="end"/> in <paramref name="time"/> s, then holds.</summary>
    public static Signal[] Line(Signal start, Signal end, Signal time, float curve = -4) =>
        [start, 1f, NoNode, NoNode, end, time, CurveShape, curve];
}
