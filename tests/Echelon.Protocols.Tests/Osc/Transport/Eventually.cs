using System.Diagnostics;

namespace Echelon.Protocols.Tests.Osc.Transport;

/// <summary>Waits for something the network delivers; a hang guard (generous, never a performance assertion).</summary>
internal static class Eventually
{
    public static void True(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Fail($"still waiting after 20 s for {what}");
            }

            Thread.Sleep(1);
        }
    }
}
