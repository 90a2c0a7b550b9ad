using Echelon.Music.Theory;
using Echelon.Music.Transport;
using Echelon.Testing;

namespace Echelon.Music.Tests.Transport;

/// <summary>The transport runs on the audio thread: after warm-up it allocates nothing (STYLE habit 5).</summary>
public sealed class TransportClockAllocationTests
{
    // Static: a `ReadOnlySpan<int> sizes = [...]` local in Play was measured allocating 72 bytes per call here.
    private static readonly int[] s_sizes = [1, 7, 128, 4096, 0, 333];

    [Fact]
    public void Advance_WithFollowingAndScheduledChanges_AfterWarmUp_AllocatesNothing()
    {
        var clock = TransportClockMappingTests.NewClock(100);
        var keys = new[] { new Scale(0, Mode.Ionian), new Scale(7, Mode.Dorian) };
        double sink = Play(clock, keys, 2_000); // warm-up: every path once

        long bytes = AllocationProbe.SteadyStateBytes(() => sink += Play(clock, keys, 20_000), warmUp: 0, iterations: 1);

        Assert.Equal(0, bytes);
        Assert.True(sink > 0);
    }

    private static double Play(TransportClock clock, Scale[] keys, int blocks)
    {
        double sink = 0;
        for (int i = 0; i < blocks; i++)
        {
            if (i % 500 == 0)
            {
                clock.FollowTempo(new Bpm(i % 1000 == 0 ? 160 : 80), 4.0);
                clock.ScheduleKeyChange(keys[(i / 500) % 2]);
                clock.ScheduleSection(i / 500);
                clock.ScheduleMeterChange(new Meter(3 + (i / 500 % 3)));
            }

            TransportBlock block = clock.Advance(s_sizes[i % s_sizes.Length]);
            sink += block.EndBeat + block.BarLines + clock.BeatPhase;
            sink += clock.SampleAtBeat(clock.NextBarBeat) + TransportClock.QuantizeToNextGrid(block.EndBeat, 0.25);
        }

        return sink;
    }
}
