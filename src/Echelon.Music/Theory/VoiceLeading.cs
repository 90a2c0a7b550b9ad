using System.Diagnostics;

namespace Echelon.Music.Theory;

/// <summary>
/// Voices a chord as MIDI notes that move as little as possible from the previous voicing: every chord
/// tone present, every note inside [low, high], notes distinct and ascending, total semitone movement
/// from the previous voicing minimal.
/// </summary>
/// <remarks>
/// <para>
/// Movement is measured voice by voice: the output is ascending (voice 0 lowest), and voice i is compared
/// with the i-th lowest previous note. For notes on a line, pairing both sets in sorted order is the
/// cheapest of all pairings, so this is the same as the least movement under any voice assignment, with
/// no voice crossing. When the previous voicing has a different number of notes, each new note is charged
/// its distance to the nearest previous note; with no previous voicing, its distance to the middle of the
/// range, which gives a close voicing centred there.
/// </para>
/// <para>
/// With fewer voices than chord tones, the tones kept are chosen in the order root, third, seventh, fifth:
/// the fifth is the first to go, as in four-part writing. With more voices than tones, tones are doubled in
/// other octaves.
/// </para>
/// <para>
/// The search is exact: a dynamic programme over the candidate notes in the range (chord tones only, in
/// ascending order), the number of voices placed and the set of tones covered so far; a brute-force
/// enumeration in the tests agrees on the cost. Thread-safe and allocation-free (stack buffers only).
/// </para>
/// </remarks>
public static class VoiceLeading
{
    /// <summary>The most voices one call places.</summary>
    public const int MaxVoices = 8;

    /// <summary>The most notes a previous voicing may hold.</summary>
    public const int MaxPreviousNotes = 16;

    private const int MaxCandidates = 128;
    private const int Unreachable = int.MaxValue / 4;

    /// <summary>
    /// Writes one MIDI note per element of <paramref name="output"/>, ascending, and returns the total
    /// movement in semitones from <paramref name="previousVoicing"/> (which may be empty).
    /// </summary>
    /// <exception cref="ArgumentException">No voicing fits: the range holds too few chord tones for the voices.</exception>
    public static int Voice(Chord chord, ReadOnlySpan<int> previousVoicing, Span<int> output, int low, int high)
    {
        int voices = output.Length;
        if (voices is < 1 or > MaxVoices)
        {
            throw new ArgumentException($"output has {voices} voices; it must have 1–{MaxVoices}.", nameof(output));
        }

        if (previousVoicing.Length > MaxPreviousNotes)
        {
            throw new ArgumentException($"previousVoicing has {previousVoicing.Length} notes; at most {MaxPreviousNotes}.", nameof(previousVoicing));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(low);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(high, 127);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(low, high);

        // Which chord tone (0..tones-1) each pitch class is, and which tones must be covered.
        int tones = chord.Count;
        Span<int> toneOfPc = stackalloc int[12];
        toneOfPc.Fill(-1);
        ReadOnlySpan<int> intervals = chord.Intervals;
        for (int t = 0; t < tones; t++)
        {
            toneOfPc[(chord.Root + intervals[t]) % 12] = t;
        }

        int required = RequiredMask(tones, voices);

        // Candidates: the chord tones in [low, high], ascending.
        Span<int> candidates = stackalloc int[MaxCandidates];
        int count = 0;
        for (int note = low; note <= high; note++)
        {
            if (toneOfPc[note % 12] >= 0)
            {
                candidates[count++] = note;
            }
        }

        if (count < voices)
        {
            throw NoVoicing(voices, low, high, count, nameof(output));
        }

        Span<int> previous = stackalloc int[previousVoicing.Length];
        previousVoicing.CopyTo(previous);
        previous.Sort();
        int middle = (low + high) / 2;

        // best[i, k, mask]: least cost placing k voices among the first i candidates, covering mask.
        int masks = 1 << tones;
        int layer = (voices + 1) * masks;
        Span<int> best = stackalloc int[(count + 1) * layer];
        best.Fill(Unreachable);
        best[0] = 0;
        for (int i = 0; i < count; i++)
        {
            int bit = 1 << toneOfPc[candidates[i] % 12];
            Span<int> from = best.Slice(i * layer, layer);
            Span<int> to = best.Slice((i + 1) * layer, layer);
            from.CopyTo(to);
            for (int k = 0; k < voices; k++)
            {
                int step = Cost(candidates[i], k, voices, previous, middle);
                for (int mask = 0; mask < masks; mask++)
                {
                    int c = from[(k * masks) + mask];
                    if (c >= Unreachable)
                    {
                        continue;
                    }

                    int target = ((k + 1) * masks) + (mask | bit);
                    if (c + step < to[target])
                    {
                        to[target] = c + step;
                    }
                }
            }
        }

        // Any mask that contains the required tones will do; take the cheapest (lowest mask on ties).
        int total = Unreachable;
        int finalMask = -1;
        Span<int> last = best.Slice(count * layer, layer);
        for (int mask = 0; mask < masks; mask++)
        {
            if ((mask & required) == required && last[(voices * masks) + mask] < total)
            {
                total = last[(voices * masks) + mask];
                finalMask = mask;
            }
        }

        if (finalMask < 0)
        {
            throw NoVoicing(voices, low, high, count, nameof(output));
        }

        // Walk back: at candidate i, either it was skipped (same cost one layer down) or it is voice k-1.
        int kLeft = voices;
        int maskLeft = finalMask;
        int cost = total;
        for (int i = count - 1; i >= 0 && kLeft > 0; i--)
        {
            Span<int> below = best.Slice(i * layer, layer);
            if (below[(kLeft * masks) + maskLeft] == cost)
            {
                continue;
            }

            int bit = 1 << toneOfPc[candidates[i] % 12];
            int step = Cost(candidates[i], kLeft - 1, voices, previous, middle);
            int chosenMask = -1;
            for (int m = 0; m < masks; m++)
            {
                if ((m | bit) == maskLeft && below[((kLeft - 1) * masks) + m] + step == cost)
                {
                    chosenMask = m;
                    break;
                }
            }

            Debug.Assert(chosenMask >= 0, "the DP table must explain every chosen note");
            output[kLeft - 1] = candidates[i];
            kLeft--;
            cost -= step;
            maskLeft = chosenMask;
        }

        Debug.Assert(kLeft == 0 && cost == 0, "walk-back must place every voice");
        return total;
    }

    /// <summary>The movement cost of placing <paramref name="note"/> as voice <paramref name="voice"/> of <paramref name="voices"/>.</summary>
    internal static int Cost(int note, int voice, int voices, ReadOnlySpan<int> previousSorted, int middle)
    {
        if (previousSorted.Length == voices)
        {
            return Math.Abs(note - previousSorted[voice]);
        }

        if (previousSorted.IsEmpty)
        {
            return Math.Abs(note - middle);
        }

        int nearest = int.MaxValue;
        foreach (int p in previousSorted)
        {
            nearest = Math.Min(nearest, Math.Abs(note - p));
        }

        return nearest;
    }

    /// <summary>The chord tones that must sound with <paramref name="voices"/> voices, as a bit mask over tone indices.</summary>
    internal static int RequiredMask(int tones, int voices)
    {
        if (voices >= tones)
        {
            return (1 << tones) - 1;
        }

        // Priority: root (0), third (1), seventh (3), fifth (2).
        ReadOnlySpan<int> priority = tones == 4 ? [0, 1, 3, 2] : [0, 1, 2];
        int mask = 0;
        for (int i = 0; i < voices; i++)
        {
            mask |= 1 << priority[i];
        }

        return mask;
    }

    private static ArgumentException NoVoicing(int voices, int low, int high, int candidates, string name) =>
        new($"no voicing of {voices} distinct notes covers the chord in [{low}, {high}]: the range holds {candidates} chord tones.", name);
}
