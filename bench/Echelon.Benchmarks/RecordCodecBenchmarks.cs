using System.Buffers;
using BenchmarkDotNet.Attributes;
using Echelon.Core.Numerics;
using Echelon.Motion.Dynamics;
using Echelon.Sessions.Streams;

namespace Echelon.Benchmarks;

/// <summary>The recorder's writer-thread cost per record: one full Dynamics128 vector encoded as a JSONL line.</summary>
[MemoryDiagnoser]
public class RecordCodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Dynamics128Vector _vector = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new DeterministicRandom(3);
        _vector = new Dynamics128Vector { ProducerId = "echelon.dynamics128/1.1/b1623969a648", Mask = UInt128.MaxValue, TimeNs = 123_456_789 };
        for (int i = 0; i < Dynamics128Vector.Size; i++)
        {
            _vector.Values[i] = (float)rng.NextGaussian();
        }
    }

    [Benchmark(Description = "dynamics128 record → JSONL line")]
    public int EncodeDynamics128()
    {
        _buffer.ResetWrittenCount();
        Dynamics128RecordCodec.WriteLine(_buffer, _vector);
        return _buffer.WrittenCount;
    }
}
