using Echelon.Audio.Devices;

namespace Echelon.Audio.Tests.Devices.Infrastructure;

/// <summary>A render callback that writes silence and, once, takes far longer than a block (a page fault, a GC pause).</summary>
public sealed class StallingCallback(int stallAtBlock, TimeSpan stall) : IAudioRenderCallback
{
    private int _blocks;

    public int Blocks => Volatile.Read(ref _blocks);

    public void Render(Span<float> left, Span<float> right, in AudioClockInfo info)
    {
        if (Interlocked.Increment(ref _blocks) == stallAtBlock)
        {
            Thread.Sleep(stall);
        }

        left.Clear();
        right.Clear();
    }
}
