using Echelon.Audio.Wav;

namespace Echelon.Audio.Tests.Peers;

/// <summary>Synthetic signals with known answers, written with <see cref="WavWriter"/> for the peers to measure.</summary>
public static class TestSignals
{
    /// <summary>
    /// A click every beat at <paramref name="bpm"/>, the first at <paramref name="firstClickSeconds"/>,
    /// over a white-noise bed at <paramref name="noiseDbfs"/> RMS: aubio's beat tracker loses lock on
    /// clicks in digital silence (PEERS.md). Each click is a 20 ms noise burst decaying with a 3 ms
    /// time constant, peak 0.8. Written as 24-bit stereo (an extensible header, as the mix will be).
    /// </summary>
    /// <returns>The click times in seconds.</returns>
    public static IReadOnlyList<double> WriteClickTrack(
        string path, double bpm, double seconds, int sampleRate = 48_000,
        double noiseDbfs = -40, double firstClickSeconds = 0.5, ulong seed = 1)
    {
        var frames = (int)Math.Round(seconds * sampleRate);
        var signal = new float[frames];
        var rng = new TestRandom(seed);

        // Uniform noise in [-a, a] has RMS a/√3.
        var noiseAmplitude = Math.Pow(10, noiseDbfs / 20) * Math.Sqrt(3);
        for (var i = 0; i < frames; i++)
        {
            signal[i] = (float)(noiseAmplitude * rng.NextSigned());
        }

        var clicks = new List<double>();
        var burst = (int)(0.020 * sampleRate);
        for (var t = firstClickSeconds; t < seconds - 0.05; t += 60.0 / bpm)
        {
            clicks.Add(t);
            var start = (int)Math.Round(t * sampleRate);
            for (var k = 0; k < burst && start + k < frames; k++)
            {
                var envelope = Math.Exp(-k / (0.003 * sampleRate));
                signal[start + k] += (float)(0.8 * envelope * rng.NextSigned());
            }
        }

        using (var writer = WavWriter.Create(path, new WavWriterOptions { SampleRate = sampleRate, Channels = 2, Format = WavSampleFormat.Pcm24 }))
        {
            writer.Write(signal, signal);
        }

        return clicks;
    }

    /// <summary>A sine of peak <paramref name="peakDbfs"/> written in <paramref name="format"/> on every channel.</summary>
    public static void WriteSine(
        string path, double frequencyHz, double peakDbfs, double seconds,
        WavSampleFormat format = WavSampleFormat.IeeeFloat32, int channels = 1, int sampleRate = 48_000)
    {
        var amplitude = Math.Pow(10, peakDbfs / 20);
        var frames = (int)Math.Round(seconds * sampleRate);
        var interleaved = new float[frames * channels];
        for (var i = 0; i < frames; i++)
        {
            var x = (float)(amplitude * Math.Sin(2 * Math.PI * frequencyHz * i / sampleRate));
            for (var c = 0; c < channels; c++)
            {
                interleaved[(i * channels) + c] = x;
            }
        }

        using var writer = WavWriter.Create(path, new WavWriterOptions { SampleRate = sampleRate, Channels = channels, Format = format });
        writer.WriteInterleaved(interleaved);
    }
}
