using Echelon.Core.Numerics;
using Echelon.Music.Theory;
using Echelon.Testing;

namespace Echelon.Music.Tests.Theory;

public sealed class VoiceLeadingTests
{
    [Fact]
    public void Voice_CFGC_InCMajorWithThreeVoices_MovesByStep()
    {
        var scale = new Scale(0, Mode.Ionian);
        int[] previous = [60, 64, 67];
        var totals = new List<int>();
        var output = new int[3];

        foreach (int degree in new[] { 3, 4, 0 })
        {
            Chord chord = Chord.OnDegree(scale, degree);
            int total = VoiceLeading.Voice(chord, previous, output, 48, 84);

            for (int v = 0; v < 3; v++)
            {
                Assert.InRange(Math.Abs(output[v] - previous[v]), 0, 4);
            }

            AssertValid(chord, output, 48, 84);
            Assert.Equal(BruteForce(chord, previous, 3, 48, 84), total);
            totals.Add(total);
            previous = (int[])output.Clone();
        }

        // C→F keeps C and moves E→F, G→A; F→G shares no tone, so 6 is the least any voicing can move
        // (every pairing of F A C with G B D sums to at least 6); G→C keeps G and moves B→C, D→E.
        Assert.Equal([3, 6, 3], totals);
        Assert.True(totals[0] <= 4 && totals[2] <= 4);
    }

    [Fact]
    public void Voice_FromCMajorToF_KeepsTheCommonTone()
    {
        var output = new int[3];

        int total = VoiceLeading.Voice(new Chord(5, ChordQuality.Major), [60, 64, 67], output, 48, 84);

        Assert.Equal([60, 65, 69], output);
        Assert.Equal(3, total);
    }

    [Fact]
    public void Voice_SeventhChordWithThreeVoices_DropsTheFifth()
    {
        var output = new int[3];

        VoiceLeading.Voice(new Chord(7, ChordQuality.Dominant7), [60, 64, 67], output, 48, 84);

        int[] pcs = output.Select(n => n % 12).Order().ToArray();
        Assert.Equal([5, 7, 11], pcs); // F G B: root, third and seventh
    }

    [Fact]
    public void Voice_NoPreviousVoicing_CentresAClosePosition()
    {
        var output = new int[3];

        VoiceLeading.Voice(new Chord(0, ChordQuality.Major), [], output, 48, 72);

        Assert.Equal([55, 60, 64], output);
    }

    [Fact]
    public void Voice_RandomCases_MatchTheBruteForceOptimum()
    {
        var random = new DeterministicRandom(7);
        var qualities = Enum.GetValues<ChordQuality>();
        for (int trial = 0; trial < 600; trial++)
        {
            var chord = new Chord((int)(random.NextUInt64() % 12), qualities[(int)(random.NextUInt64() % (ulong)qualities.Length)]);
            int voices = 1 + (int)(random.NextUInt64() % 4);
            int low = 36 + (int)(random.NextUInt64() % 24);
            int high = low + 24 + (int)(random.NextUInt64() % 14);
            int previousCount = (trial % 10) switch
            {
                0 => 0,
                1 => Math.Max(1, voices - 1),
                2 => voices + 1,
                _ => voices,
            };
            var previous = new int[previousCount];
            for (int i = 0; i < previousCount; i++)
            {
                previous[i] = low - 6 + (int)(random.NextUInt64() % (ulong)(high - low + 12));
            }

            var output = new int[voices];
            int total = VoiceLeading.Voice(chord, previous, output, low, high);

            AssertValid(chord, output, low, high);
            Assert.Equal(ReferenceCost(output, previous, (low + high) / 2), total);
            Assert.Equal(BruteForce(chord, previous, voices, low, high), total);
        }
    }

    [Fact]
    public void Voice_RangeTooNarrow_Throws()
    {
        var output = new int[3];

        var error = Assert.Throws<ArgumentException>(() => VoiceLeading.Voice(new Chord(0, ChordQuality.Major), [60, 64, 67], output, 60, 63));

        Assert.Equal("output", error.ParamName);
    }

    [Fact]
    public void Voice_AfterWarmUp_AllocatesNothing()
    {
        var chords = new[] { new Chord(0, ChordQuality.Major7), new Chord(5, ChordQuality.Major), new Chord(7, ChordQuality.Dominant7) };
        int[] previous = [48, 55, 64, 71];
        var output = new int[4];
        int sum = 0;
        for (int i = 0; i < 10; i++)
        {
            sum += VoiceLeading.Voice(chords[i % 3], previous, output, 40, 84);
        }

        int voiced = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                sum += VoiceLeading.Voice(chords[voiced % 3], previous, output, 40, 84);
                output.CopyTo(previous, 0);
                voiced++;
            },
            warmUp: 0,
            iterations: 1000);

        Assert.Equal(0, bytes);
        Assert.True(sum >= 0);
    }

    private static void AssertValid(Chord chord, int[] output, int low, int high)
    {
        for (int v = 0; v < output.Length; v++)
        {
            Assert.InRange(output[v], low, high);
            Assert.True(chord.Contains(output[v]), $"{output[v]} is not in {chord}");
            if (v > 0)
            {
                Assert.True(output[v] > output[v - 1], "voices ascend and are distinct");
            }
        }

        foreach (int pc in RequiredPitchClasses(chord, output.Length))
        {
            Assert.Contains(output, n => n % 12 == pc);
        }
    }

    // Independent reference: the tones that must sound, root, third, seventh, fifth in that order.
    private static int[] RequiredPitchClasses(Chord chord, int voices)
    {
        int[] tones = chord.Intervals.ToArray().Select(i => (chord.Root + i) % 12).ToArray();
        int[] order = tones.Length == 4 ? [0, 1, 3, 2] : [0, 1, 2];
        return order.Take(Math.Min(voices, tones.Length)).Select(i => tones[i]).ToArray();
    }

    private static int ReferenceCost(int[] voicing, int[] previous, int middle)
    {
        int[] sortedNew = voicing.Order().ToArray();
        int[] sortedOld = previous.Order().ToArray();
        if (sortedOld.Length == sortedNew.Length)
        {
            return sortedNew.Zip(sortedOld, (a, b) => Math.Abs(a - b)).Sum();
        }

        if (sortedOld.Length == 0)
        {
            return sortedNew.Sum(n => Math.Abs(n - middle));
        }

        return sortedNew.Sum(n => sortedOld.Min(p => Math.Abs(n - p)));
    }

    // Every set of distinct notes in the range, each a chord tone, covering the required tones.
    private static int BruteForce(Chord chord, int[] previous, int voices, int low, int high)
    {
        int[] notes = Enumerable.Range(low, high - low + 1).Where(chord.Contains).ToArray();
        int[] required = RequiredPitchClasses(chord, voices);
        int best = int.MaxValue;
        var pick = new int[voices];

        void Search(int start, int depth)
        {
            if (depth == voices)
            {
                if (required.All(pc => pick.Any(n => n % 12 == pc)))
                {
                    best = Math.Min(best, ReferenceCost(pick, previous, (low + high) / 2));
                }

                return;
            }

            for (int i = start; i < notes.Length; i++)
            {
                pick[depth] = notes[i];
                Search(i + 1, depth + 1);
            }
        }

        Search(0, 0);
        return best;
    }
}
