using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Echelon.Audio.Devices;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> time with sub-millisecond precision where the system allows it, for the
/// threads that keep time (the null output's clock, the control thread). <see cref="Thread.Sleep(int)"/> sleeps whole
/// milliseconds and wakes up to a millisecond late; a thread that must start within tens of microseconds would have to
/// spin out the last two milliseconds of every period.
/// </summary>
/// <remarks>
/// <para>
/// On Linux <see cref="Stopwatch"/> reads <c>CLOCK_MONOTONIC</c> in nanoseconds, so the sleep is one
/// <c>clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)</c> to the exact tick (checked once at start: the two clocks
/// must agree within a millisecond, else the fallback is used). <see cref="ReduceTimerSlack"/> asks the kernel not to
/// batch the calling thread's wake-ups (its default slack is 50 µs). Elsewhere, and when the check fails, it sleeps
/// whole milliseconds while more than <see cref="FallbackSpinTicks"/> remain and spins the rest.
/// </para>
/// <para>No allocation; a system call per sleep. Never for the audio callback itself, which must not block.</para>
/// </remarks>
public static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;
    private const int SetTimerSlack = 29;
    private const string LibC = "libc.so.6";

    /// <summary>Whether sleeps end at the tick asked for (Linux), not at a millisecond boundary.</summary>
    public static bool IsPrecise { get; } = ProbeMonotonic();

    /// <summary>When <see cref="IsPrecise"/> is false: the last stretch spun instead of slept, 2 ms of ticks.</summary>
    public static long FallbackSpinTicks { get; } = Stopwatch.Frequency / 500;

    /// <summary>Returns at or after <paramref name="timestamp"/> (<see cref="Stopwatch"/> ticks); at once when it has passed.</summary>
    public static void Until(long timestamp)
    {
        if (IsPrecise)
        {
            var request = new Timespec(timestamp / 1_000_000_000L, timestamp % 1_000_000_000L);
            while (Stopwatch.GetTimestamp() < timestamp)
            {
                // EINTR (a signal) returns early: go round again.
                _ = ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, in request, 0);
            }

            return;
        }

        long now;
        while ((now = Stopwatch.GetTimestamp()) < timestamp)
        {
            if (timestamp - now > FallbackSpinTicks)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.SpinWait(32);
            }
        }
    }

    /// <summary>
    /// Linux: sets the calling thread's timer slack to 1 µs, so its sleeps are not stretched to batch wake-ups; elsewhere
    /// nothing. Returns whether it was set.
    /// </summary>
    public static bool ReduceTimerSlack() =>
        IsPrecise && Prctl(SetTimerSlack, 1_000, 0, 0, 0) == 0;

    private static bool ProbeMonotonic()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || Stopwatch.Frequency != 1_000_000_000L)
        {
            return false;
        }

        try
        {
            long before = Stopwatch.GetTimestamp();
            if (ClockGettime(ClockMonotonic, out Timespec now) != 0)
            {
                return false;
            }

            long after = Stopwatch.GetTimestamp();
            long monotonic = (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
            return monotonic >= before - 1_000_000 && monotonic <= after + 1_000_000;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport(LibC, EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in Timespec request, nint remaining);

    [LibraryImport(LibC, EntryPoint = "clock_gettime")]
    private static partial int ClockGettime(int clock, out Timespec time);

    [LibraryImport(LibC, EntryPoint = "prctl")]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    /// <summary><c>struct timespec</c> on 64-bit Linux: two 64-bit fields.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timespec(long seconds, long nanoseconds)
    {
        public readonly long Seconds = seconds;
        public readonly long Nanoseconds = nanoseconds;
    }
}
