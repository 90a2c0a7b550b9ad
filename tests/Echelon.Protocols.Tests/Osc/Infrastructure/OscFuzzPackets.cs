using System.Buffers.Binary;
using Echelon.Protocols.Osc;

namespace Echelon.Protocols.Tests.Osc.Infrastructure;

/// <summary>
/// Seeded packets for fuzzing the decoder: valid packets (the shared vectors and random messages and
/// bundles with every type), then random bytes or those packets mutated: bits flipped, bytes set to
/// values that matter to OSC (0, '/', '#', ',', '[', ']', type tags), size fields set to hostile
/// values, ranges cut, cloned or inserted, packets truncated.
/// </summary>
internal sealed class OscFuzzPackets
{
    private static readonly byte[] s_interesting = [0, 1, 0x7f, 0x80, 0xff, (byte)'/', (byte)'#', (byte)',', (byte)'[', (byte)']', (byte)'*', (byte)'{', (byte)'?'];
    private static readonly int[] s_sizes = [0, 1, -1, 3, 4, 8, int.MaxValue, int.MinValue, 0x7ffffffc, 0x10000, -4];
    private static readonly string s_tags = "ifsbhdtTFNIcrmS[]x";

    private readonly Random _random;
    private readonly List<byte[]> _corpus = [];

    public OscFuzzPackets(int seed)
    {
        _random = new Random(seed);
        foreach (string name in new[] { "_DGRAM_KNOB_ROTATES", "_DGRAM_SWITCH_GOES_OFF", "_DGRAM_NO_PARAMS", "_DGRAM_ALL_STANDARD_TYPES_OF_PARAMS", "_DGRAM_ALL_NON_STANDARD_TYPES_OF_PARAMS", "_DGRAM_COMPLEX_ARRAY_PARAMS", "_DGRAM_UNKNOWN_PARAM_TYPE" })
        {
            _corpus.Add(PythonBytes.Constant("test_osc_message.py", name));
        }

        foreach (string name in new[] { "_DGRAM_TWO_MESSAGES_IN_BUNDLE", "_DGRAM_BUNDLE_IN_BUNDLE", "_DGRAM_EMPTY_BUNDLE", "_DGRAM_INVALID_INDEX" })
        {
            _corpus.Add(PythonBytes.Constant("test_osc_bundle.py", name));
        }

        _corpus.Add(PythonBytes.Constant("test_osc_packet.py", "_DGRAM_NESTED_MESS"));
        _corpus.Add(JsBytes.After("name: \"with nested bundles.\""));
        for (int i = 0; i < 200; i++)
        {
            _corpus.Add(RandomPacket(0).ToArray());
        }
    }

    /// <summary>The next packet to try.</summary>
    public byte[] Next()
    {
        if (_random.Next(4) == 0)
        {
            byte[] noise = new byte[_random.Next(0, 96)];
            _random.NextBytes(noise);
            if (noise.Length > 0 && _random.Next(2) == 0)
            {
                noise[0] = _random.Next(2) == 0 ? (byte)'/' : (byte)'#';
            }

            return noise;
        }

        var packet = new List<byte>(_corpus[_random.Next(_corpus.Count)]);
        int mutations = _random.Next(1, 5);
        for (int m = 0; m < mutations; m++)
        {
            Mutate(packet);
        }

        return [.. packet];
    }

    /// <summary>A random valid packet: a message with random arguments, or a bundle of such (nested up to depth 3).</summary>
    public OscPacket RandomPacket(int depth)
    {
        if (depth < 3 && _random.Next(4) == 0)
        {
            var elements = new List<OscPacket>();
            int n = _random.Next(0, 4);
            for (int i = 0; i < n; i++)
            {
                elements.Add(RandomPacket(depth + 1));
            }

            return new OscBundle(new OscTimeTag((ulong)_random.NextInt64()), elements);
        }

        string address = "/" + string.Join('/', Enumerable.Range(0, _random.Next(1, 4)).Select(_ => RandomText(1, 8)));
        return new OscMessage(address, Enumerable.Range(0, _random.Next(0, 8)).Select(_ => RandomValue(0)));
    }

    private OscValue RandomValue(int depth) => _random.Next(depth < 2 ? 16 : 15) switch
    {
        0 => OscValue.Int32(_random.Next(int.MinValue, int.MaxValue)),
        1 => OscValue.Float32((float)(_random.NextDouble() * 2000 - 1000)),
        2 => OscValue.String(RandomText(0, 12)),
        3 => OscValue.Blob(RandomBytes(_random.Next(0, 20))),
        4 => OscValue.Int64(_random.NextInt64()),
        5 => OscValue.Double(_random.NextDouble() * 1e6),
        6 => OscValue.TimeTag(new OscTimeTag((ulong)_random.NextInt64())),
        7 => OscValue.True,
        8 => OscValue.False,
        9 => OscValue.Nil,
        10 => OscValue.Infinitum,
        11 => OscValue.Char((char)_random.Next(32, 127)),
        12 => OscValue.Rgba(OscRgba.FromUInt32((uint)_random.NextInt64(0, uint.MaxValue))),
        13 => OscValue.Midi(OscMidi.FromUInt32((uint)_random.NextInt64(0, uint.MaxValue))),
        14 => OscValue.Symbol(RandomText(0, 6)),
        _ => OscValue.Array(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => RandomValue(depth + 1))),
    };

    private string RandomText(int min, int max) =>
        new(Enumerable.Range(0, _random.Next(min, max)).Select(_ => (char)_random.Next('a', 'z' + 1)).ToArray());

    private byte[] RandomBytes(int n)
    {
        byte[] bytes = new byte[n];
        _random.NextBytes(bytes);
        return bytes;
    }

    private void Mutate(List<byte> p)
    {
        int at = p.Count == 0 ? 0 : _random.Next(p.Count);
        switch (_random.Next(9))
        {
            case 0 when p.Count > 0:
                p[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when p.Count > 0:
                p[at] = s_interesting[_random.Next(s_interesting.Length)];
                break;
            case 2 when p.Count > 0:
                p[at] = (byte)s_tags[_random.Next(s_tags.Length)];
                break;
            case 3 when p.Count >= 4:
            {
                int aligned = at & ~3;
                if (aligned + 4 > p.Count)
                {
                    aligned = p.Count - 4;
                }

                int value = _random.Next(2) == 0 ? s_sizes[_random.Next(s_sizes.Length)] : p.Count - aligned + (_random.Next(-2, 3) * 4);
                Span<byte> be = stackalloc byte[4];
                BinaryPrimitives.WriteInt32BigEndian(be, value);
                for (int k = 0; k < 4; k++)
                {
                    p[aligned + k] = be[k];
                }

                break;
            }

            case 4:
                p.RemoveRange(at, Math.Min(p.Count - at, _random.Next(1, 9)));
                break;
            case 5:
                p.InsertRange(at, RandomBytes(_random.Next(1, 9)));
                break;
            case 6 when p.Count > 0:
            {
                int length = Math.Min(p.Count - at, _random.Next(1, 17));
                p.InsertRange(_random.Next(p.Count), p.GetRange(at, length));
                break;
            }

            case 7:
                p.RemoveRange(at, p.Count - at);
                break;
            default:
                p.InsertRange(at & ~3, [0, 0, 0, 0]);
                break;
        }
    }
}
