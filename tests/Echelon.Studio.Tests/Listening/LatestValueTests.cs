using Echelon.Studio.Listening;

namespace Echelon.Studio.Tests.Listening;

public sealed class LatestValueTests
{
    private readonly record struct Sample(long A, long B, long C);

    [Fact]
    public void TryTake_GivesTheNewestOnce_AndKeepsItAsCurrent()
    {
        var slot = new LatestValue<Sample>();
        Assert.False(slot.TryTake(out _));
        Assert.False(slot.HasValue);

        slot.Publish(new Sample(1, 1, 1));
        slot.Publish(new Sample(2, 2, 2));
        slot.Publish(new Sample(3, 3, 3));
        Assert.True(slot.TryTake(out Sample newest));
        Assert.Equal(new Sample(3, 3, 3), newest);
        Assert.False(slot.TryTake(out Sample again));
        Assert.Equal(newest, again);
        Assert.Equal(newest, slot.Current);
        Assert.True(slot.HasValue);

        slot.Publish(new Sample(4, 4, 4));
        Assert.True(slot.TryTake(out newest));
        Assert.Equal(4, newest.A);
    }

    [Fact]
    public void AcrossThreads_TheReaderNeverSeesATornOrOlderValue()
    {
        var slot = new LatestValue<Sample>();
        const long count = 2_000_000;
        var writer = new Thread(() =>
        {
            for (long i = 1; i <= count; i++)
            {
                slot.Publish(new Sample(i, -i, i * 3));
            }
        });
        writer.Start();

        long last = 0;
        long taken = 0;
        while (last < count)
        {
            if (slot.TryTake(out Sample s))
            {
                Assert.Equal((s.A, s.A * 3), (-s.B, s.C));
                Assert.True(s.A > last, $"{s.A} after {last}");
                last = s.A;
                taken++;
            }
        }

        writer.Join();
        Assert.Equal(count, last);
        Assert.True(taken > 0);
    }
}
