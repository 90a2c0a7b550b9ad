using BenchmarkDotNet.Attributes;
using Echelon.Protocols.Osc;

namespace Echelon.Benchmarks;

/// <summary>
/// OSC encoding into a caller's buffer (the sending path of the /echelon mirror and SuperCollider control):
/// OscWriter must allocate 0 B; the allocating model's ToArray is the baseline.
/// </summary>
[MemoryDiagnoser]
public class OscEncodeBenchmarks
{
    private readonly byte[] _buffer = new byte[1024];
    private readonly OscMessage _model = new("/echelon/motion/accel", 0.12f, -0.98f, 0.05f);
    private uint _n;

    [Benchmark(Baseline = true, Description = "model ToArray (allocating), 3 floats")]
    public int ModelToArray() => _model.ToArray().Length;

    [Benchmark(Description = "OscWriter, 3 floats")]
    public int WriterMessage()
    {
        var w = new OscWriter(_buffer);
        w.BeginMessage("/echelon/motion/accel"u8, "fff"u8);
        w.WriteFloat32(0.12f);
        w.WriteFloat32(-0.98f);
        w.WriteFloat32(0.05f);
        w.EndMessage();
        return w.BytesWritten;
    }

    [Benchmark(Description = "OscWriter, scsynth /s_new bundle (string address, 8 args)")]
    public int WriterBundle()
    {
        var w = new OscWriter(_buffer);
        w.BeginBundle(new OscTimeTag(3_900_000_000u, _n++));
        w.BeginMessage("/s_new", "siiisfsf");
        w.WriteString("echelon-bass");
        w.WriteInt32(1000 + (int)(_n & 255));
        w.WriteInt32(0);
        w.WriteInt32(1);
        w.WriteString("freq");
        w.WriteFloat32(110f);
        w.WriteString("amp");
        w.WriteFloat32(0.3f);
        w.EndMessage();
        w.EndBundle();
        return w.BytesWritten;
    }
}
