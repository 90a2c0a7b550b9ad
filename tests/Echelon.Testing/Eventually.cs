using System.Diagnostics;

namespace Echelon.Testing;

/// <summary>
/// Waits for a condition that another thread, process or the network makes true, failing with a message after a
/// generous limit: a hang guard, never a performance assertion.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(15);

    /// <summary>Blocks (sleeping a millisecond between looks) until <paramref name="condition"/> holds; fails after <paramref name="within"/> (15 s).</summary>
    public static void True(Func<bool> condition, string? what = null, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = within ?? s_limit;
        long deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                Assert.Fail($"still not true after {limit.TotalSeconds:0.#} s: {what ?? "condition"}");
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>Awaits (20 ms between looks) until <paramref name="condition"/> holds; fails after <paramref name="within"/> (15 s).</summary>
    public static async Task TrueAsync(Func<bool> condition, string? what = null, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        TimeSpan limit = within ?? s_limit;
        long deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                Assert.Fail($"still not true after {limit.TotalSeconds:0.#} s: {what ?? "condition"}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }
}
