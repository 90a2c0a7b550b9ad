using Echelon.Music.Theory;
using Echelon.Testing;

namespace Echelon.Music.Tests.Theory;

/// <summary>Progressions are drawn on the control thread: after warm-up nothing is allocated (STYLE habit 5).</summary>
public sealed class ProgressionGeneratorAllocationTests
{
    [Fact]
    public void NextAndNextChord_AfterWarmUp_AllocateNothing()
    {
        var generator = new ProgressionGenerator(new Scale(2, Mode.Dorian), 3) { Tension = new UnitInterval(0.5, "tension") };
        int sum = Draw(generator, 200); // warm-up: every path once

        long bytes = AllocationProbe.SteadyStateBytes(() => sum += Draw(generator, 10_000), warmUp: 0, iterations: 1);

        Assert.Equal(0, bytes);
        Assert.True(sum > 0);
    }

    private static int Draw(ProgressionGenerator generator, int count)
    {
        int sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += generator.Next();
            sum += generator.NextChord(seventh: i % 3 == 0).Count;
            if (i % 64 == 0)
            {
                generator.StartSection();
                generator.Scale = new Scale(i % 12, (Mode)(i % 7));
            }
        }

        return sum;
    }
}
