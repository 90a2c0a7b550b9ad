using System.Diagnostics;
using Echelon.Audio.Devices;

namespace Echelon.Audio.Tests.Devices;

public sealed class PreciseSleepTests
{
    [Fact]
    public void OnLinux_TheStopwatchIsTheMonotonicClockAndSleepsArePrecise()
    {
        bool linux = OperatingSystem.IsLinux() && Environment.Is64BitProcess;
        Assert.Equal(linux, PreciseSleep.IsPrecise);
        Assert.Equal(linux, PreciseSleep.ReduceTimerSlack());
    }

    [Fact]
    public void Until_NeverReturnsBeforeTheTick()
    {
        for (int i = 0; i < 20; i++)
        {
            long due = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2000 * (1 + (i % 4)));
            PreciseSleep.Until(due);
            Assert.True(Stopwatch.GetTimestamp() >= due);
        }
    }
}
