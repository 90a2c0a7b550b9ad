using System.Buffers;
using System.Text;
using Echelon.Motion.Dynamics;
using Echelon.Sessions.Streams;
using Echelon.Sessions.Tests.Infrastructure;

namespace Echelon.Sessions.Tests.Streams;

public sealed class Dynamics128RecordCodecTests
{
    [Fact]
    public void WriteLine_HasTheDocumentedShape()
    {
        var vector = new Dynamics128Vector { TimeNs = 10, ProducerId = "builder/v1/abc", Mask = UInt128.One | (UInt128.One << 127) };
        vector.Values[0] = 0.5f;
        string line = Line(vector);
        Assert.StartsWith("{\"t\":10,\"producer\":\"builder/v1/abc\",\"mask\":\"80000000000000000000000000000001\",\"v\":[0.5,0,0,", line, StringComparison.Ordinal);
        Assert.EndsWith("0]}\n", line, StringComparison.Ordinal);
        Assert.Single(line, c => c == '\n');
    }

    [Fact]
    public void RoundTrip_RandomVectors_AreBitExact()
    {
        // 300 × 128 floats: ordinary, awkward (-0, subnormal, ±MaxValue) and random finite bit patterns.
        var back = new Dynamics128Vector();
        foreach (Dynamics128Vector vector in SyntheticSession.Vectors(seed: 7, count: 300))
        {
            Dynamics128RecordCodec.Read(Encoding.UTF8.GetBytes(Line(vector).TrimEnd('\n')), back);
            FrameAssert.Equal(vector, back);
        }
    }

    [Fact]
    public void RoundTrip_RandomFiniteBitPatterns_AreBitExact()
    {
        // 1024 records × 128 slots of uniformly random finite bit patterns: every exponent, both signs, subnormals.
        var random = new Random(20250304);
        var vector = new Dynamics128Vector { ProducerId = "p" };
        var back = new Dynamics128Vector();
        for (int r = 0; r < 1024; r++)
        {
            for (int i = 0; i < Dynamics128Vector.Size; i++)
            {
                float f;
                do
                {
                    f = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
                }
                while (!float.IsFinite(f));
                vector.Values[i] = f;
            }

            Dynamics128RecordCodec.Read(Encoding.UTF8.GetBytes(Line(vector).TrimEnd('\n')), back);
            FrameAssert.Equal(vector, back);
        }
    }

    [Fact]
    public void RoundTrip_EveryAwkwardFloatInEverySlot()
    {
        var vector = new Dynamics128Vector { ProducerId = "p", Mask = UInt128.MaxValue, TimeNs = long.MinValue };
        for (int i = 0; i < Dynamics128Vector.Size; i++)
        {
            vector.Values[i] = SyntheticSession.AwkwardFloats[i % SyntheticSession.AwkwardFloats.Length];
        }

        var back = new Dynamics128Vector();
        Dynamics128RecordCodec.Read(Encoding.UTF8.GetBytes(Line(vector).TrimEnd('\n')), back);
        FrameAssert.Equal(vector, back);
        Assert.True(float.IsNegative(back.Values[0]) && back.Values[0] == 0);
        Assert.True(float.IsSubnormal(back.Values[2]));
    }

    [Fact]
    public void Read_SameProducer_KeepsTheDestinationsString()
    {
        string producer = "builder/v1/abc";
        var destination = new Dynamics128Vector { ProducerId = producer };
        Dynamics128RecordCodec.Read(Encoding.UTF8.GetBytes(Line(new Dynamics128Vector { ProducerId = "builder/v1/abc" }).TrimEnd('\n')), destination);
        Assert.Same(producer, destination.ProducerId);
    }

    [Theory]
    [InlineData(float.NaN, 0)]
    [InlineData(float.PositiveInfinity, 17)]
    [InlineData(float.NegativeInfinity, 127)]
    public void WriteLine_NonFinite_ThrowsArgumentExceptionNamingTheSlotAndWritesNothing(float bad, int slot)
    {
        var vector = new Dynamics128Vector { ProducerId = "p" };
        vector.Values[slot] = bad;
        var output = new ArrayBufferWriter<byte>();
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Dynamics128RecordCodec.WriteLine(output, vector));
        Assert.Contains($"slot {slot}", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void WriteLine_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Dynamics128RecordCodec.WriteLine(new ArrayBufferWriter<byte>(), 0, "p", 0, new float[127]));
    }

    [Theory]
    [InlineData("\"mask\":\"8000000000000000000000000000000\"", "mask")]
    [InlineData("\"mask\":\"8000000000000000000000000000000A\"", "mask")]
    [InlineData("\"mask\":\"8000000000000000000000000000000g\"", "mask")]
    [InlineData("\"mask\":12", "mask")]
    [InlineData("\"mask\":\"00000000000000000000000000000001\",\"v\":[1]", "v")]
    [InlineData("\"mask\":\"00000000000000000000000000000001\",\"w\":[1]", "w")]
    [InlineData("\"mask\":\"00000000000000000000000000000001\"", "v")]
    public void Read_BadRecord_NamesTheField(string fields, string field)
    {
        string record = "{\"t\":1,\"producer\":\"p\"," + fields + "}";
        SessionFormatException ex = Assert.Throws<SessionFormatException>(
            () => Dynamics128RecordCodec.Read(Encoding.UTF8.GetBytes(record), new Dynamics128Vector(), "dynamics128.jsonl", 3));
        Assert.Equal(3, ex.Line);
        Assert.Equal(field, ex.Field);
    }

    private static string Line(Dynamics128Vector vector)
    {
        var output = new ArrayBufferWriter<byte>();
        Dynamics128RecordCodec.WriteLine(output, vector);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
