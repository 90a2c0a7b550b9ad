namespace Echelon.Protocols.SuperCollider;

/// <summary>
/// The instrument definitions Echelon ships to scsynth (no sclang needed): each writes the same
/// signal to two adjacent output buses starting at <c>out</c>, and frees itself when its envelope ends.
/// </summary>
public static class EchelonSynthDefs
{
    /// <summary>Name of <see cref="Sine"/>.</summary>
    public const string SineName = "echelon-sine";

    /// <summary>Name of <see cref="SawPad"/>.</summary>
    public const string SawPadName = "echelon-saw-pad";

    /// <summary>Name of <see cref="Kick"/>.</summary>
    public const string KickName = "echelon-kick";

    /// <summary>Name of <see cref="HiHat"/>.</summary>
    public const string HiHatName = "echelon-hihat";

    /// <summary>Name of <see cref="DiskRecorder"/>.</summary>
    public const string DiskRecorderName = "echelon-diskout";

    /// <summary>Every definition above, the recorder last.</summary>
    public static IReadOnlyList<SynthDef> All { get; } = [Sine(), SawPad(), Kick(), HiHat(), DiskRecorder()];

    /// <summary>
    /// A sine tone with a percussive envelope. Parameters: <c>out</c> 0, <c>freq</c> 440 Hz,
    /// <c>amp</c> 0.1, <c>attack</c> 0.005 s, <c>release</c> 0.5 s.
    /// </summary>
    public static SynthDef Sine()
    {
        var b = new SynthDefBuilder(SineName);
        Signal bus = b.Parameter("out", 0);
        Signal freq = b.Parameter("freq", 440);
        Signal amp = b.Parameter("amp", 0.1f);
        Signal attack = b.Parameter("attack", 0.005f);
        Signal release = b.Parameter("release", 0.5f);
        Signal env = Envelope.EnvGen(b, UGenRate.Control, 1f, Envelope.FreeSelf, Envelope.Perc(attack, release));
        Signal tone = b.Add("SinOsc", UGenRate.Audio, freq, 0f) * (env * amp);
        return Stereo(b, bus, tone);
    }

    /// <summary>
    /// A band-limited sawtooth through a resonant low-pass, with an ADSR envelope held while
    /// <c>gate</c> is 1 (set it to 0 with <c>/n_set</c> to release). Parameters: <c>out</c>, <c>freq</c> 220 Hz,
    /// <c>amp</c> 0.1, <c>cutoff</c> 1200 Hz, <c>rq</c> 0.4, <c>gate</c> 1, <c>attack</c> 0.05, <c>decay</c> 0.3,
    /// <c>sustain</c> 0.7, <c>release</c> 0.6.
    /// </summary>
    public static SynthDef SawPad()
    {
        var b = new SynthDefBuilder(SawPadName);
        Signal bus = b.Parameter("out", 0);
        Signal freq = b.Parameter("freq", 220);
        Signal amp = b.Parameter("amp", 0.1f);
        Signal cutoff = b.Parameter("cutoff", 1200);
        Signal rq = b.Parameter("rq", 0.4f);
        Signal gate = b.Parameter("gate", 1);
        Signal attack = b.Parameter("attack", 0.05f);
        Signal decay = b.Parameter("decay", 0.3f);
        Signal sustain = b.Parameter("sustain", 0.7f);
        Signal release = b.Parameter("release", 0.6f);
        Signal env = Envelope.EnvGen(b, UGenRate.Control, gate, Envelope.FreeSelf, Envelope.Adsr(attack, decay, sustain, release));
        Signal saw = b.Add("Saw", UGenRate.Audio, freq);
        Signal filtered = b.Add("RLPF", UGenRate.Audio, saw, cutoff, rq);
        return Stereo(b, bus, filtered * (env * amp));
    }

    /// <summary>
    /// A kick drum: a sine whose pitch falls from <c>freq</c> × <c>sweep</c> to <c>freq</c> in 60 ms,
    /// with a percussive envelope. Parameters: <c>out</c>, <c>amp</c> 0.8, <c>freq</c> 50 Hz, <c>sweep</c> 3,
    /// <c>decay</c> 0.35 s.
    /// </summary>
    public static SynthDef Kick()
    {
        var b = new SynthDefBuilder(KickName);
        Signal bus = b.Parameter("out", 0);
        Signal amp = b.Parameter("amp", 0.8f);
        Signal freq = b.Parameter("freq", 50);
        Signal sweep = b.Parameter("sweep", 3);
        Signal decay = b.Parameter("decay", 0.35f);
        Signal pitch = Envelope.EnvGen(b, UGenRate.Control, 1f, 0, Envelope.Line(freq * sweep, freq, 0.06f));
        Signal env = Envelope.EnvGen(b, UGenRate.Audio, 1f, Envelope.FreeSelf, Envelope.Perc(0.001f, decay));
        Signal body = b.Add("SinOsc", UGenRate.Audio, pitch, 0f) * (env * amp);
        return Stereo(b, bus, body);
    }

    /// <summary>
    /// A closed hi-hat: white noise through a high-pass with a short percussive envelope. Parameters:
    /// <c>out</c>, <c>amp</c> 0.3, <c>cutoff</c> 7000 Hz, <c>decay</c> 0.08 s.
    /// </summary>
    public static SynthDef HiHat()
    {
        var b = new SynthDefBuilder(HiHatName);
        Signal bus = b.Parameter("out", 0);
        Signal amp = b.Parameter("amp", 0.3f);
        Signal cutoff = b.Parameter("cutoff", 7000);
        Signal decay = b.Parameter("decay", 0.08f);
        Signal noise = b.Add("WhiteNoise", UGenRate.Audio);
        Signal bright = b.Add("HPF", UGenRate.Audio, noise, cutoff);
        Signal env = Envelope.EnvGen(b, UGenRate.Audio, 1f, Envelope.FreeSelf, Envelope.Perc(0.001f, decay));
        return Stereo(b, bus, bright * (env * amp));
    }

    /// <summary>
    /// Streams two buses from <c>in</c> (default 0, the main outputs) to the sound file open on buffer
    /// <c>bufnum</c> (<c>/b_alloc</c> then <c>/b_write … leaveOpen 1</c>); run it at the tail of the node tree.
    /// </summary>
    public static SynthDef DiskRecorder()
    {
        var b = new SynthDefBuilder(DiskRecorderName);
        Signal buffer = b.Parameter("bufnum", 0);
        Signal input = b.Parameter("in", 0);
        Signal[] channels = b.Add("In", UGenRate.Audio, 2, 0, input);
        b.Add("DiskOut", UGenRate.Audio, 1, 0, buffer, channels[0], channels[1]);
        return b.Build();
    }

    private static SynthDef Stereo(SynthDefBuilder b, Signal bus, Signal signal)
    {
        b.Add("Out", UGenRate.Audio, 0, 0, bus, signal, signal);
        return b.Build();
    }
}
