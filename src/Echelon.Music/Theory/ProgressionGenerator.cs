using System.Diagnostics;
using Echelon.Core.Numerics;

namespace Echelon.Music.Theory;

/// <summary>
/// Chord progressions from a first-order Markov chain over the seven scale degrees (0 = tonic),
/// one transition matrix per mode. Deterministic from a seed; sections start on the tonic; a tension
/// input 0–1 moves probability toward the mode's dominant-function chords.
/// </summary>
/// <remarks>
/// <para>
/// Where the weights come from: they are hand-set, not fitted. Each row is in whole percent and sums
/// to 100. The ionian rows follow the usual root progressions of common-practice harmony (Piston,
/// <i>Harmony</i>, "table of usual root progressions"; Kostka &amp; Payne, <i>Tonal Harmony</i>, on harmonic progression):
/// I goes anywhere but mostly to IV, V and vi; ii goes to V (or vii°); iii to vi or IV; IV to V, I or ii;
/// V to I, with V→vi as the deceptive move; vi to ii or IV; vii° to I. Pop tendencies are weighted in
/// where they differ (IV→I plagal motion and vi→IV, frequent in the rock corpus of de Clercq &amp;
/// Temperley, "A corpus analysis of rock harmony", 2011). The other modes favour the chord that carries the mode's characteristic degree,
/// because that is what makes the mode audible over a drone-like tonic: dorian i–IV (raised 6th),
/// phrygian i–bII (lowered 2nd), lydian I–II (raised 4th), mixolydian I–bVII and bVII–IV–I (lowered 7th),
/// aeolian i–bVI–bVII–i and i–iv–v (natural minor pop cadences), locrian i°–bII and i°–bV (its
/// diminished tonic is unstable, so it leaves the tonic readily). Diminished triads other than
/// locrian's tonic get little weight, as in the styles the weights model.
/// </para>
/// <para>
/// Tension: with tension t the row from a chord that is not itself dominant-function is
/// <c>(1 − 0.6 t)·p + 0.6 t·q</c>, where q spreads weight over the mode's dominant-function degrees
/// (ionian V and vii°; dorian and mixolydian v and bVII; phrygian bII and bvii; lydian V, II and vii;
/// aeolian v, bVII and ii°; locrian bII and bvii). Rows from dominant-function chords are unchanged,
/// so tension builds toward them and they still resolve. Every row stays row-stochastic for every t.
/// </para>
/// <para>Not thread-safe: one instance per composer. <see cref="Next"/> allocates nothing.</para>
/// </remarks>
public sealed class ProgressionGenerator
{
    /// <summary>Scale degrees per mode.</summary>
    public const int Degrees = 7;

    /// <summary>How much of a row tension 1 moves to the dominant-function chords.</summary>
    public const double TensionShare = 0.6;

    // [mode][from][to], whole percent; each row sums to 100. Column order: degrees 0–6.
    private static readonly byte[] s_percent =
    [
        // Ionian: I ii iii IV V vi vii°
        4, 12, 6, 30, 26, 18, 4,
        4, 2, 2, 8, 62, 4, 18,
        4, 6, 2, 24, 6, 56, 2,
        26, 12, 2, 4, 46, 6, 4,
        62, 2, 4, 6, 6, 18, 2,
        8, 30, 6, 34, 16, 4, 2,
        78, 2, 8, 2, 4, 4, 2,

        // Dorian: i ii bIII IV v vi° bVII
        4, 10, 12, 40, 10, 2, 22,
        30, 2, 10, 20, 20, 2, 16,
        14, 4, 2, 36, 6, 2, 36,
        56, 6, 6, 4, 8, 2, 18,
        40, 4, 10, 24, 2, 2, 18,
        50, 4, 10, 20, 4, 2, 10,
        44, 4, 10, 30, 6, 2, 4,

        // Phrygian: i bII bIII iv v° bVI bvii
        4, 40, 12, 14, 2, 16, 12,
        62, 4, 10, 6, 2, 8, 8,
        22, 30, 4, 14, 2, 14, 14,
        30, 24, 6, 4, 2, 18, 16,
        50, 30, 4, 6, 2, 4, 4,
        24, 30, 8, 12, 2, 4, 20,
        44, 28, 10, 6, 2, 6, 4,

        // Lydian: I II iii #iv° V vi vii
        4, 42, 8, 2, 14, 18, 12,
        58, 4, 8, 2, 12, 8, 8,
        20, 26, 2, 2, 10, 30, 10,
        40, 20, 6, 2, 20, 8, 4,
        44, 22, 6, 2, 4, 16, 6,
        22, 34, 8, 2, 16, 4, 14,
        44, 20, 14, 2, 6, 10, 4,

        // Mixolydian: I ii iii° IV v vi bVII
        4, 6, 2, 24, 10, 10, 44,
        24, 2, 2, 20, 14, 8, 30,
        40, 6, 2, 14, 8, 10, 20,
        56, 4, 2, 4, 8, 6, 20,
        34, 6, 2, 20, 2, 14, 22,
        20, 14, 2, 24, 12, 4, 24,
        46, 4, 2, 36, 4, 4, 4,

        // Aeolian: i ii° bIII iv v bVI bVII
        4, 4, 14, 22, 12, 26, 18,
        16, 2, 8, 10, 50, 6, 8,
        14, 2, 4, 18, 6, 22, 34,
        34, 4, 6, 4, 24, 12, 16,
        52, 2, 6, 10, 4, 20, 6,
        14, 2, 18, 14, 10, 4, 38,
        44, 2, 24, 8, 4, 14, 4,

        // Locrian: i° bII biii iv bV bVI bvii
        4, 34, 10, 14, 22, 10, 6,
        44, 4, 12, 10, 14, 8, 8,
        24, 20, 4, 20, 12, 14, 6,
        34, 18, 6, 4, 18, 12, 8,
        46, 18, 6, 10, 4, 10, 6,
        30, 22, 8, 8, 16, 4, 12,
        46, 20, 8, 6, 8, 8, 4,
    ];

    // [mode][degree]: how a tension-driven shift is shared among the dominant-function degrees (sums to 1).
    private static readonly double[] s_dominant =
    [
        0, 0, 0, 0, 0.75, 0, 0.25, // ionian: V, vii°
        0, 0, 0, 0, 0.5, 0, 0.5, // dorian: v, bVII
        0, 0.6, 0, 0, 0, 0, 0.4, // phrygian: bII, bvii
        0, 0.3, 0, 0, 0.5, 0, 0.2, // lydian: II, V, vii
        0, 0, 0, 0, 0.5, 0, 0.5, // mixolydian: v, bVII
        0, 0.2, 0, 0, 0.5, 0, 0.3, // aeolian: ii°, v, bVII
        0, 0.6, 0, 0, 0, 0, 0.4, // locrian: bII, bvii
    ];

    private readonly ulong _seed;
    private DeterministicRandom _random;
    private Scale _scale;
    private UnitInterval _tension;
    private int _degree;
    private bool _sectionStart;

    /// <summary>Creates a generator in <paramref name="scale"/> whose whole sequence is fixed by <paramref name="seed"/>.</summary>
    public ProgressionGenerator(Scale scale, ulong seed)
    {
        _scale = scale;
        _seed = seed;
        _random = new DeterministicRandom(seed);
        _sectionStart = true;
    }

    /// <summary>The key: its mode chooses the transition matrix; its tonic, the chords' roots.</summary>
    public Scale Scale
    {
        get => _scale;
        set => _scale = value;
    }

    /// <summary>How strongly the next chords lean toward dominant function (0 none … 1 most).</summary>
    public UnitInterval Tension
    {
        get => _tension;
        set => _tension = value;
    }

    /// <summary>The degree returned by the last <see cref="Next"/> (0 before the first).</summary>
    public int Degree => _degree;

    /// <summary>The probability of moving from <paramref name="from"/> to <paramref name="to"/> in <paramref name="mode"/> with no tension.</summary>
    public static double Probability(Mode mode, int from, int to)
    {
        CheckMode(mode);
        CheckDegree(from, nameof(from));
        CheckDegree(to, nameof(to));
        return s_percent[Index(mode, from, to)] / 100.0;
    }

    /// <summary>Writes the row of transition probabilities from <paramref name="from"/> at the given tension into <paramref name="destination"/> (7 values, summing to 1).</summary>
    public static void TransitionRow(Mode mode, int from, UnitInterval tension, Span<double> destination)
    {
        CheckMode(mode);
        CheckDegree(from, nameof(from));
        if (destination.Length < Degrees)
        {
            throw new ArgumentException($"destination has {destination.Length} values; it needs {Degrees}.", nameof(destination));
        }

        for (int to = 0; to < Degrees; to++)
        {
            destination[to] = Weight(mode, from, to, tension.Value);
        }
    }

    /// <summary>
    /// The next scale degree 0–6: the tonic at the start and after <see cref="StartSection"/>, else a draw
    /// from the current mode's row for the last degree, shifted by <see cref="Tension"/>.
    /// </summary>
    public int Next()
    {
        if (_sectionStart)
        {
            _sectionStart = false;
            _degree = 0;
            return 0;
        }

        Mode mode = _scale.Mode;
        double tension = _tension.Value;
        double u = _random.NextDouble();
        double cumulative = 0.0;
        int chosen = Degrees - 1;
        for (int to = 0; to < Degrees; to++)
        {
            double w = Weight(mode, _degree, to, tension);
            cumulative += w;
            if (u < cumulative && w > 0.0)
            {
                chosen = to;
                break;
            }
        }

        _degree = chosen;
        return chosen;
    }

    /// <summary>The chord on the next degree (see <see cref="Next"/>), a triad or a diatonic seventh chord.</summary>
    public Chord NextChord(bool seventh = false) => Chord.OnDegree(_scale, Next(), seventh);

    /// <summary>Makes the next <see cref="Next"/> return the tonic: a new section starts on the home chord.</summary>
    public void StartSection() => _sectionStart = true;

    /// <summary>Back to the seed: the same calls now give the same degrees as after construction.</summary>
    public void Reset()
    {
        _random = new DeterministicRandom(_seed);
        _degree = 0;
        _sectionStart = true;
    }

    private static double Weight(Mode mode, int from, int to, double tension)
    {
        double p = s_percent[Index(mode, from, to)] / 100.0;
        int row = (int)mode * Degrees;
        double fromShare = s_dominant[row + from];
        if (tension <= 0.0 || fromShare > 0.0)
        {
            return p;
        }

        // from is not dominant-function, so q = the dominant shares as they are (they already exclude from).
        double q = s_dominant[row + to];
        double a = TensionShare * tension;
        return ((1.0 - a) * p) + (a * q);
    }

    private static int Index(Mode mode, int from, int to)
    {
        Debug.Assert(from is >= 0 and < Degrees && to is >= 0 and < Degrees, "degree out of range");
        return ((int)mode * Degrees * Degrees) + (from * Degrees) + to;
    }

    private static void CheckMode(Mode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"mode must be one of {ModeNames.AllowedList}.");
        }
    }

    private static void CheckDegree(int degree, string name)
    {
        if (degree is < 0 or >= Degrees)
        {
            throw new ArgumentOutOfRangeException(name, degree, $"{name} must be a scale degree 0–6.");
        }
    }
}
