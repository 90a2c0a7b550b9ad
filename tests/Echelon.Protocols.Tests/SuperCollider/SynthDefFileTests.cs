using System.Buffers.Binary;
using Echelon.Protocols.SuperCollider;

namespace Echelon.Protocols.Tests.SuperCollider;

public sealed class SynthDefFileTests
{
    [Fact]
    public void MinimalDef_HasTheDocumentedLayout()
    {
        // SinOsc.ar(440, 0) written to bus 0: every byte of SuperCollider's format, by hand.
        var b = new SynthDefBuilder("t");
        Signal tone = b.Add("SinOsc", UGenRate.Audio, 440f, 0f);
        b.Add("Out", UGenRate.Audio, 0, 0, 0f, tone);
        byte[] file = SynthDefFile.Write([b.Build()]);

        byte[] expected =
        [
            .. "SCgf"u8, 0, 0, 0, 2, 0, 1,
            1, (byte)'t',
            0, 0, 0, 2, .. Float(440), .. Float(0),      // constants: 440, 0
            0, 0, 0, 0,                                  // no parameters
            0, 0, 0, 0,                                  // no parameter names
            0, 0, 0, 2,                                  // two unit generators
            6, .. "SinOsc"u8, 2, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0,
            0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0,          // constant 0 (440)
            0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1,          // constant 1 (0)
            2,                                           // output rate: audio
            3, .. "Out"u8, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0,
            0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1,          // bus: constant 1 (0)
            0, 0, 0, 0, 0, 0, 0, 0,                      // SinOsc output 0
            0, 0,                                        // no variants
        ];
        Assert.Equal(expected, file);
    }

    [Fact]
    public void Parameters_BecomeTheOutputsOfControlAtIndexZero()
    {
        SynthDef def = EchelonSynthDefs.Sine();
        Assert.Equal("Control", def.UGens[0].ClassName);
        Assert.Equal(UGenRate.Control, def.UGens[0].Rate);
        Assert.Equal(def.ParameterValues.Count, def.UGens[0].Outputs.Count);
        Assert.Equal(["out", "freq", "amp", "attack", "release"], def.Parameters.Select(p => p.Name));
        Assert.Equal(440, def.DefaultOf("freq"));
        Assert.Equal(0.1f, def.DefaultOf("amp"));
        var e = Assert.Throws<KeyNotFoundException>(() => def.DefaultOf("cutoff"));
        Assert.Contains("freq", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Multiply_IsBinaryOpUGenTwo_AtTheFasterRate()
    {
        var b = new SynthDefBuilder("m");
        Signal amp = b.Parameter("amp", 0.5f);
        Signal tone = b.Add("SinOsc", UGenRate.Audio, 440f, 0f);
        Signal product = tone * amp;
        b.Add("Out", UGenRate.Audio, 0, 0, 0f, product);
        SynthDef def = b.Build();
        UGenSpec op = def.UGens[product.UGen];
        Assert.Equal("BinaryOpUGen", op.ClassName);
        Assert.Equal(2, op.SpecialIndex);
        Assert.Equal(UGenRate.Audio, op.Rate);
        Assert.Equal([new UGenInput(1, 0), new UGenInput(0, 0)], op.Inputs);
    }

    [Fact]
    public void Constants_AreSharedByValue()
    {
        var b = new SynthDefBuilder("c");
        Signal a = b.Add("SinOsc", UGenRate.Audio, 220f, 0f);
        Signal c = b.Add("SinOsc", UGenRate.Audio, 220f, 0f);
        b.Add("Out", UGenRate.Audio, 0, 0, 0f, a + c);
        Assert.Equal([220f, 0f], b.Build().Constants);
    }

    [Fact]
    public void EveryShippedDef_RoundTrips()
    {
        byte[] file = SynthDefFile.Write(EchelonSynthDefs.All);
        IReadOnlyList<SynthDef> back = SynthDefFile.Read(file);
        Assert.Equal(EchelonSynthDefs.All.Count, back.Count);
        for (int i = 0; i < back.Count; i++)
        {
            SynthDef a = EchelonSynthDefs.All[i];
            SynthDef r = back[i];
            Assert.Equal(a.Name, r.Name);
            Assert.Equal(a.Constants, r.Constants);
            Assert.Equal(a.ParameterValues, r.ParameterValues);
            Assert.Equal(a.Parameters, r.Parameters);
            Assert.Equal(a.UGens.Count, r.UGens.Count);
            for (int u = 0; u < a.UGens.Count; u++)
            {
                Assert.Equal(a.UGens[u].ClassName, r.UGens[u].ClassName);
                Assert.Equal(a.UGens[u].Rate, r.UGens[u].Rate);
                Assert.Equal(a.UGens[u].Inputs, r.UGens[u].Inputs);
                Assert.Equal(a.UGens[u].Outputs, r.UGens[u].Outputs);
                Assert.Equal(a.UGens[u].SpecialIndex, r.UGens[u].SpecialIndex);
            }
        }

        Assert.Equal(file, SynthDefFile.Write(back));
    }

    [Fact]
    public void ShippedDefs_CoverWhatTheIssueNames()
    {
        string[] classes = [.. EchelonSynthDefs.All.SelectMany(d => d.UGens).Select(u => u.ClassName).Distinct()];
        foreach (string needed in new[] { "SinOsc", "Saw", "RLPF", "EnvGen", "WhiteNoise", "HPF", "DiskOut", "In", "Out" })
        {
            Assert.Contains(needed, classes);
        }
    }

    [Fact]
    public void Envelope_Perc_IsSclangsEnvPercArray()
    {
        Signal[] perc = Envelope.Perc(0.01f, 1f);
        Assert.Equal([0f, 2f, -99f, -99f, 1f, 0.01f, 5f, -4f, 0f, 1f, 5f, -4f], perc.Select(s => s.Constant));
    }

    [Fact]
    public void Read_Truncated_NamesTheOffset()
    {
        byte[] file = SynthDefFile.Write([EchelonSynthDefs.Kick()]);
        for (int cut = 0; cut < file.Length; cut++)
        {
            var e = Assert.Throws<SynthDefFormatException>(() => SynthDefFile.Read(file.AsSpan(0, cut)));
            Assert.InRange(e.Offset, 0, cut);
        }
    }

    [Fact]
    public void Read_WrongMagicOrVersion_Fails()
    {
        byte[] file = SynthDefFile.Write([EchelonSynthDefs.Kick()]);
        byte[] magic = (byte[])file.Clone();
        magic[0] = (byte)'X';
        Assert.Contains("SCgf", Assert.Throws<SynthDefFormatException>(() => SynthDefFile.Read(magic)).Message, StringComparison.Ordinal);
        byte[] version = (byte[])file.Clone();
        version[7] = 1;
        var e = Assert.Throws<SynthDefFormatException>(() => SynthDefFile.Read(version));
        Assert.Equal(4, e.Offset);
    }

    [Fact]
    public void Read_ForwardReference_IsRejected()
    {
        var b = new SynthDefBuilder("f");
        Signal tone = b.Add("SinOsc", UGenRate.Audio, 440f, 0f);
        b.Add("Out", UGenRate.Audio, 0, 0, 0f, tone);
        byte[] file = SynthDefFile.Write([b.Build()]);

        // Point SinOsc's first input at unit generator 1 (Out, which comes after it).
        int sinInputs = file.AsSpan().IndexOf("SinOsc"u8) + 6 + 1 + 4 + 4 + 2;
        BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(sinInputs), 1);
        var e = Assert.Throws<SynthDefFormatException>(() => SynthDefFile.Read(file));
        Assert.Equal(sinInputs, e.Offset);
        Assert.Contains("unit generator 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_RejectsLateParameters_AndForeignSignals()
    {
        var b = new SynthDefBuilder("late");
        b.Add("WhiteNoise", UGenRate.Audio);
        Assert.Throws<InvalidOperationException>(() => b.Parameter("amp", 1));

        var other = new SynthDefBuilder("other");
        Signal foreign = other.Add("WhiteNoise", UGenRate.Audio);
        Assert.Throws<ArgumentException>(() => b.Add("HPF", UGenRate.Audio, foreign, 1000f));
        Assert.Throws<ArgumentException>(() => new SynthDefBuilder("é"));
        Assert.Throws<InvalidOperationException>(() => Signal.FromConstant(1) * 2f);
    }

    private static byte[] Float(float value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteSingleBigEndian(b, value);
        return b;
    }
}
