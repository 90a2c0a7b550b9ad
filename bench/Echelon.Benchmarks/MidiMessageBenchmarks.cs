using BenchmarkDotNet.Attributes;
using Echelon.Protocols.Midi;

namespace Echelon.Benchmarks;

/// <summary>
/// Live MIDI byte streams: parsing 1024 mixed messages (running status, real-time bytes inside
/// messages, a little SysEx) through a struct handler, and encoding 1024 messages into a buffer with
/// and without running status (the stateless encoder is the baseline). Messages/s = 1024 / mean.
/// </summary>
[MemoryDiagnoser]
public class MidiMessageBenchmarks
{
    private const int Count = 1024;
    private readonly MidiMessage[] _messages = new MidiMessage[Count];
    private readonly byte[] _buffer = new byte[Count * 3];
    private readonly MidiRunningStatusEncoder _running = new();
    private readonly MidiMessageParser _parser = new();
    private byte[] _stream = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var bytes = new List<byte>();
        var encoder = new MidiRunningStatusEncoder();
        Span<byte> one = stackalloc byte[16];
        for (int i = 0; i < Count; i++)
        {
            var ch = new MidiChannel(rng.Next(2));
            _messages[i] = rng.Next(4) switch
            {
                0 => MidiMessage.ControlChange(ch, new SevenBit(rng.Next(120)), new SevenBit(rng.Next(128))),
                1 => MidiMessage.PitchBend(ch, new FourteenBit(rng.Next(16384))),
                _ => MidiMessage.NoteOn(ch, new SevenBit(rng.Next(128)), new SevenBit(rng.Next(128))),
            };
            int n = i % 100 == 0 ? encoder.WriteSystemExclusive([0x7D, 1, 2, 3, 4, 5], one) : encoder.Write(_messages[i], one);
            for (int k = 0; k < n; k++)
            {
                if (rng.Next(24) == 0)
                {
                    bytes.Add(0xF8);
                }

                bytes.Add(one[k]);
            }
        }

        _stream = [.. bytes];
    }

    [Benchmark(Description = "parse 1024 messages (running status, clocks inside)")]
    public int Parse()
    {
        var handler = new Counter();
        _parser.Parse(_stream, ref handler);
        return handler.Count;
    }

    [Benchmark(Baseline = true, Description = "encode 1024 messages, full status")]
    public int EncodeFull()
    {
        int n = 0;
        foreach (var m in _messages)
        {
            n += MidiMessageEncoder.Write(m, _buffer.AsSpan(n));
        }

        return n;
    }

    [Benchmark(Description = "encode 1024 messages, running status")]
    public int EncodeRunning()
    {
        _running.Reset();
        int n = 0;
        foreach (var m in _messages)
        {
            n += _running.Write(m, _buffer.AsSpan(n));
        }

        return n;
    }

    private struct Counter : IMidiMessageHandler
    {
        public int Count { get; private set; }

        public void OnMessage(MidiMessage message) => Count++;

        public void OnSystemExclusive(ReadOnlySpan<byte> data) => Count++;
    }
}
