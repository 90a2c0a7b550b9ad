using System.Buffers.Binary;
using System.Text;

namespace Echelon.Protocols.Tests.Midi.Infrastructure;

/// <summary>Just enough of a WAV reader for the peer tests: 16-bit PCM, any channel count, as floats per frame (channels averaged).</summary>
public sealed class PcmWave
{
    private PcmWave(int sampleRate, float[] mono)
    {
        SampleRate = sampleRate;
        Mono = mono;
    }

    public int SampleRate { get; }

    public float[] Mono { get; }

    public double Seconds => Mono.Length / (double)SampleRate;

    public static PcmWave Read(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        if (Encoding.ASCII.GetString(b, 0, 4) != "RIFF" || Encoding.ASCII.GetString(b, 8, 4) != "WAVE")
        {
            throw new InvalidDataException($"{path} is not a RIFF WAVE file.");
        }

        int pos = 12;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (pos + 8 <= b.Length)
        {
            string id = Encoding.ASCII.GetString(b, pos, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(pos + 4));
            if (id == "fmt ")
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(pos + 10));
                rate = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(pos + 12));
                bits = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(pos + 22));
            }
            else if (id == "data")
            {
                if (bits != 16)
                {
                    throw new InvalidDataException($"{path}: {bits}-bit samples; this reader takes 16-bit PCM.");
                }

                int bytes = (int)Math.Min(size, b.Length - pos - 8);
                int frames = bytes / (2 * channels);
                var mono = new float[frames];
                for (int f = 0; f < frames; f++)
                {
                    float sum = 0;
                    for (int c = 0; c < channels; c++)
                    {
                        sum += BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(pos + 8 + (((f * channels) + c) * 2))) / 32768f;
                    }

                    mono[f] = sum / channels;
                }

                return new PcmWave(rate, mono);
            }

            pos += 8 + (int)size + (int)(size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk.");
    }

    /// <summary>Root mean square of the seconds [from, to).</summary>
    public double Rms(double from, double to)
    {
        int a = (int)(from * SampleRate);
        int z = Math.Min(Mono.Length, (int)(to * SampleRate));
        double sum = 0;
        for (int i = a; i < z; i++)
        {
            sum += Mono[i] * (double)Mono[i];
        }

        return z > a ? Math.Sqrt(sum / (z - a)) : 0;
    }

    /// <summary>Largest magnitude in the seconds [from, to).</summary>
    public double Peak(double from, double to)
    {
        int a = (int)(from * SampleRate);
        int z = Math.Min(Mono.Length, (int)(to * SampleRate));
        double peak = 0;
        for (int i = a; i < z; i++)
        {
            peak = Math.Max(peak, Math.Abs(Mono[i]));
        }

        return peak;
    }
}
