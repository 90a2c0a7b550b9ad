using System.Diagnostics;
using Echelon.Audio.Dsp;
using Xunit.Abstractions;

namespace Echelon.Audio.Tests.Dsp;

public sealed class ZzTempPerf(ITestOutputHelper output)
{
    [Fact]
    public void Measure()
    {
        const int rate = 48_000;
        const int seconds = 10;
        var l = new float[128];
        var r = new float[128];
        void Time(string name, Action block)
        {
            for (int i = 0; i < 2000; i++) block();
            var sw = Stopwatch.StartNew();
            int blocks = seconds * rate / 128;
            for (int i = 0; i < blocks; i++) block();
            double s = sw.Elapsed.TotalSeconds;
            output.WriteLine($"{name}: {seconds / s:F0}x real time, {s * 1e9 / (blocks * 128.0):F1} ns/sample");
        }

        var saw = new PolyBlepOscillator { Frequency = 440 }; saw.Prepare(rate);
        Time("saw 440", () => saw.Render(l));
        var sq = new PolyBlepOscillator { Frequency = 3000, Waveform = OscillatorWaveform.Square }; sq.Prepare(rate);
        Time("square 3k", () => sq.Render(l));
        var sine = new PolyBlepOscillator { Frequency = 440, Waveform = OscillatorWaveform.Sine }; sine.Prepare(rate);
        Time("sine", () => sine.Render(l));
        var fm = new FmOperatorPair(); fm.Prepare(rate);
        Time("fm", () => fm.Render(l));
        var svf = new StateVariableFilter(); svf.Prepare(rate);
        Time("svf", () => svf.Process(l));
        var env = new Adsr(); env.Prepare(rate); env.NoteOn(1);
        Time("adsr", () => env.Process(l));
        var noise = new NoiseGenerator { Color = NoiseColor.Pink }; noise.Prepare(rate);
        Time("pink", () => noise.Render(l));
        var kick = new KickVoice(); kick.Prepare(rate); int k = 0;
        Time("kick", () => { if (k++ % 100 == 0) kick.Trigger(1); kick.Render(l); });
        var snare = new SnareVoice(); snare.Prepare(rate); int sn = 0;
        Time("snare", () => { if (sn++ % 100 == 0) snare.Trigger(1); snare.Render(l); });
        var hat = new HatVoice(); hat.Prepare(rate); int h = 0;
        Time("hat", () => { if (h++ % 20 == 0) hat.Trigger(1, true); hat.Render(l); });
        var rev = new Reverb(); rev.Prepare(rate);
        Time("reverb", () => rev.Process(l, r));
        var del = new TempoDelay(); del.Prepare(rate);
        Time("delay", () => del.Process(l, r));
        var lim = new LookaheadLimiter(); lim.Prepare(rate);
        Time("limiter", () => lim.Process(l, r));
        var mix = new StereoMixer(8); mix.Prepare(rate);
        float[][] ins = Enumerable.Range(0, 8).Select(_ => new float[128]).ToArray();
        Time("mixer 8ch", () => mix.Process(ins, l, r));
    }
}
