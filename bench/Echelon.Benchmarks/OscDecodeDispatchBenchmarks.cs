using BenchmarkDotNet.Attributes;
using Echelon.Protocols.Osc;

namespace Echelon.Benchmarks;

/// <summary>
/// OSC decode + dispatch per message, the receiving path of sensor input: a TouchOSC-style accelerometer
/// message to a dispatcher holding 40 methods (literal addresses and two patterns); a bundle of eight
/// such messages; and an incoming address pattern. The allocating model decode is the baseline.
/// </summary>
[MemoryDiagnoser]
public class OscDecodeDispatchBenchmarks
{
    private readonly OscDispatcher _dispatcher = new();
    private byte[] _message = null!;
    private byte[] _bundle = null!;
    private byte[] _pattern = null!;
    private double _sum;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < 36; i++)
        {
            _dispatcher.Add($"/echelon/in/{i}/value", (m, _) => _sum += m.ReadNumber());
        }

        _dispatcher.Add("/accxyz", (m, _) => _sum += m.ReadFloat32() + m.ReadFloat32() + m.ReadFloat32());
        _dispatcher.Add("/wek/inputs", (m, _) => _sum += m.ReadFloat32());
        _dispatcher.Add("/zigsim/*/accel", (m, _) => _sum += m.ReadFloat32());
        _dispatcher.Add("/touchosc/{fader,rotary}[1-8]", (m, _) => _sum += m.ReadFloat32());
        _message = new OscMessage("/accxyz", 0.12f, -0.98f, 0.05f).ToArray();
        _bundle = new OscBundle(new OscTimeTag(3_900_000_000u, 0u), Enumerable.Range(0, 8).Select(i => (OscPacket)new OscMessage("/accxyz", (float)i, 0.5f, -0.5f)).ToArray()).ToArray();
        _pattern = new OscMessage("/echelon/in/*/value", 1.0f).ToArray();
    }

    [Benchmark(Baseline = true, Description = "model decode (allocating), 1 message")]
    public int ModelDecode() => ((OscMessage)OscPacket.Decode(_message)).Arguments.Count;

    [Benchmark(Description = "reader: decode + read 3 floats, 1 message")]
    public float ReaderDecode()
    {
        var reader = new OscMessageReader(_message);
        return reader.ReadFloat32() + reader.ReadFloat32() + reader.ReadFloat32();
    }

    [Benchmark(Description = "decode + dispatch, 1 message")]
    public double DispatchMessage()
    {
        _dispatcher.TryDispatch(_message, out _);
        return _sum;
    }

    [Benchmark(Description = "decode + dispatch, bundle of 8 messages", OperationsPerInvoke = 8)]
    public double DispatchBundle()
    {
        _dispatcher.TryDispatch(_bundle, out _);
        return _sum;
    }

    [Benchmark(Description = "decode + dispatch, incoming pattern vs 40 methods")]
    public double DispatchPattern()
    {
        _dispatcher.TryDispatch(_pattern, out _);
        return _sum;
    }
}
