using Echelon.Motion.Dynamics;
using Echelon.Motion.Frames;
using Echelon.Motion.Synthetic;

namespace Echelon.Motion.Tests.Dynamics;

public sealed class Dynamics128PreviewTests
{
    private const long TickNs = 10_000_000;
    private static readonly UInt128 RhythmMask = ((UInt128.One << 8) - 1) << Dynamics128Layout.RhythmBase;

    [Fact]
    public void Preview_BetweenFrames_LeavesEveryBuildBitForBitAsItWas()
    {
        List<SensorFrame> frames = DancerFrames();
        var plain = new Dynamics128Builder();
        var previewed = new Dynamics128Builder();
        var a = new Dynamics128Vector();
        var b = new Dynamics128Vector();
        var scratch = new Dynamics128Vector();
        int next = 0;
        int previews = 0;
        for (long t = TickNs; t <= 6_000_000_000; t += TickNs)
        {
            for (; next < frames.Count && frames[next].HostTimeNs <= t; next++)
            {
                plain.Ingest(frames[next]);
                previewed.Ingest(frames[next]);
                previewed.Preview(frames[next].HostTimeNs, scratch);
                previews++;
            }

            plain.Build(t, a);
            previewed.Build(t, b);
            Assert.Equal(a.Mask, b.Mask);
            Assert.Equal(a.Values, b.Values);
        }

        Assert.Equal(frames.Count, previews);
        Assert.True(previews > 300, $"{previews} previews");
    }

    [Fact]
    public void Preview_WritesWhatBuildWouldOutsideTheRhythmSlots_AndMasksThose()
    {
        List<SensorFrame> frames = DancerFrames();
        var builder = new Dynamics128Builder();
        var built = new Dynamics128Vector();
        var preview = new Dynamics128Vector();
        int next = 0;
        int compared = 0;
        for (long t = TickNs; t <= 6_000_000_000; t += TickNs)
        {
            for (; next < frames.Count && frames[next].HostTimeNs <= t; next++)
            {
                builder.Ingest(frames[next]);
            }

            builder.Preview(t, preview);
            builder.Build(t, built);
            Assert.Equal(UInt128.Zero, preview.Mask & RhythmMask);
            Assert.Equal(built.Mask & ~RhythmMask, preview.Mask);
            for (int slot = 0; slot < Dynamics128Vector.Size; slot++)
            {
                if (preview.IsValid(slot))
                {
                    Assert.Equal(built.Values[slot], preview.Values[slot]);
                    compared++;
                }
            }

            Assert.Equal(t, preview.TimeNs);
        }

        // The dancer's body, effectors and phone are all there to compare; the rhythm is warm by the end.
        Assert.True(compared > 500 * 80, $"{compared} slot values compared");
        Assert.True(built.IsValid(Dynamics128Layout.Tempo));
    }

    private static List<SensorFrame> DancerFrames()
    {
        using var dancer = new SyntheticDancer(new SyntheticDancerOptions { Seconds = 6, Seed = 3 });
        var frames = new List<SensorFrame>();
        while (dancer.TryRead(out SensorFrame? frame))
        {
            frames.Add(frame);
        }

        return frames;
    }
}
