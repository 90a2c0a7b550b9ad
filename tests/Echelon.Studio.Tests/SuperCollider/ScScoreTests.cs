using Echelon.Music.Composition;
using Echelon.Protocols.Osc;
using Echelon.Protocols.SuperCollider;
using Echelon.Studio.SuperCollider;

namespace Echelon.Studio.Tests.SuperCollider;

public sealed class ScScoreTests
{
    [Fact]
    public void Score_SendsTheDefsAndGroupFirst_ThenOneSynthPerNote_AndGateOffsForPads()
    {
        NoteEvent[] notes =
        [
            new(0, AgentKind.Drums, 36, 1f, 4800),
            new(24_000, AgentKind.Melody, 69, 0.5f, 12_000),
            new(48_000, AgentKind.Harmony, 60, 0.8f, 24_000),
        ];
        IReadOnlyList<OscBundle> bundles = NrtScore.Read(ScScore.Build(notes, 48_000, 2).ToArray());

        OscTimedMessage[] all = [.. bundles.SelectMany(b => b.EnumerateMessages())];
        Assert.Equal("/d_recv", all[0].Message.Address);
        Assert.Equal(SynthDefFile.Write(EchelonSynthDefs.All), all[0].Message.Arguments[0].AsBlob().ToArray());
        Assert.Equal(new OscMessage("/g_new", 1, 0, 0), all[1].Message);

        OscTimedMessage[] synths = [.. all.Where(m => m.Message.Address == "/s_new")];
        Assert.Equal([EchelonSynthDefs.KickName, EchelonSynthDefs.SineName, EchelonSynthDefs.SawPadName], synths.Select(m => m.Message.Arguments[0].AsString()));
        Assert.Equal([1000, 1001, 1002], synths.Select(m => m.Message.Arguments[1].AsInt32()));
        Assert.All(synths, m => Assert.Equal(ScScore.Group, m.Message.Arguments[3].AsInt32()));
        Assert.Equal([0.0, 0.5, 1.0], synths.Select(m => m.TimeTag.ToSecondsSince1900()));

        // The melody's sine rings for the note's length; the pad is released by its gate at the note's end.
        Assert.Equal(440f, Control(synths[1].Message, "freq"), 3);
        Assert.Equal(0.25f, Control(synths[1].Message, "release"), 6);
        OscTimedMessage gateOff = Assert.Single(all, m => m.Message.Address == "/n_set");
        Assert.Equal(new OscMessage("/n_set", 1002, "gate", 0f), gateOff.Message);
        Assert.Equal(1.5, gateOff.TimeTag.ToSecondsSince1900());

        // The last bundle sets the render's length.
        Assert.Equal(2.0, bundles[^1].TimeTag.ToSecondsSince1900());
    }

    [Fact]
    public void Score_DropsNotesAndNoteOffsPastTheEnd()
    {
        NoteEvent[] notes = [new(0, AgentKind.Bass, 40, 1f, 96_000), new(96_000, AgentKind.Melody, 70, 1f, 100)];
        OscTimedMessage[] all = [.. NrtScore.Read(ScScore.Build(notes, 48_000, 1).ToArray()).SelectMany(b => b.EnumerateMessages())];
        Assert.Single(all, m => m.Message.Address == "/s_new");
        Assert.DoesNotContain(all, m => m.Message.Address == "/n_set");
        Assert.All(all, m => Assert.True(m.TimeTag.ToSecondsSince1900() <= 1.0));
    }

    [Fact]
    public void NrtScore_TimeTags_AreSecondsFromZeroIn32Point32()
    {
        Assert.Equal(0x0000_0001_8000_0000UL, NrtScore.TimeTag(1.5).Value);
        Assert.Equal(0UL, NrtScore.TimeTag(0).Value);
        var score = new NrtScore();
        Assert.Throws<ArgumentOutOfRangeException>(() => score.Add(-1, new OscMessage("/x")));
        Assert.Throws<ArgumentOutOfRangeException>(() => score.Add(double.NaN, new OscMessage("/x")));
    }

    [Fact]
    public void NrtScore_SameTime_OneBundleInInsertionOrder_LaterTimesAfter()
    {
        var score = new NrtScore();
        score.Add(1, new OscMessage("/b"));
        score.Add(0, new OscMessage("/a"));
        score.Add(1, new OscMessage("/c"));
        IReadOnlyList<OscBundle> bundles = NrtScore.Read(score.ToArray());
        Assert.Equal(2, bundles.Count);
        Assert.Equal(["/a"], bundles[0].Elements.Cast<OscMessage>().Select(m => m.Address));
        Assert.Equal(["/b", "/c"], bundles[1].Elements.Cast<OscMessage>().Select(m => m.Address));
    }

    [Fact]
    public void NrtScore_Read_TruncatedFile_NamesTheOffset()
    {
        var score = new NrtScore();
        score.Add(0, new OscMessage("/a", 1));
        score.Add(1, new OscMessage("/b", 2));
        byte[] file = score.ToArray();
        int firstBundleEnd = 4 + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file);
        for (int cut = 1; cut < file.Length; cut++)
        {
            if (cut == firstBundleEnd)
            {
                Assert.Single(NrtScore.Read(file.AsSpan(0, cut)));
                continue;
            }

            var e = Assert.Throws<OscFormatException>(() => NrtScore.Read(file.AsSpan(0, cut)));
            Assert.InRange(e.Offset, 0, cut);
        }
    }

    private static float Control(OscMessage message, string name)
    {
        for (int i = 4; i + 1 < message.Arguments.Count; i += 2)
        {
            if (message.Arguments[i].AsString() == name)
            {
                return message.Arguments[i + 1].AsFloat32();
            }
        }

        throw new KeyNotFoundException(name);
    }
}
