using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Theory;

/// <summary>Diatonic triads and sevenths per mode: the qualities of the roman numerals.</summary>
public sealed class ChordOnDegreeTests
{
    private const ChordQuality M = ChordQuality.Major;
    private const ChordQuality Mi = ChordQuality.Minor;
    private const ChordQuality D = ChordQuality.Diminished;

    public static TheoryData<Mode, ChordQuality[]> TriadsPerMode => new()
    {
        { Mode.Ionian, [M, Mi, Mi, M, M, Mi, D] }, // I ii iii IV V vi vii°
        { Mode.Dorian, [Mi, Mi, M, M, Mi, D, M] }, // i ii bIII IV v vi° bVII
        { Mode.Phrygian, [Mi, M, M, Mi, D, M, Mi] }, // i bII bIII iv v° bVI bvii
        { Mode.Lydian, [M, M, Mi, D, M, Mi, Mi] }, // I II iii #iv° V vi vii
        { Mode.Mixolydian, [M, Mi, D, M, Mi, Mi, M] }, // I ii iii° IV v vi bVII
        { Mode.Aeolian, [Mi, D, M, Mi, Mi, M, M] }, // i ii° bIII iv v bVI bVII
        { Mode.Locrian, [D, M, Mi, Mi, M, M, Mi] }, // i° bII biii iv bV bVI bvii
    };

    [Theory]
    [MemberData(nameof(TriadsPerMode))]
    public void OnDegree_Triads_HaveTheModesQualities(Mode mode, ChordQuality[] expected)
    {
        var scale = new Scale(0, mode);

        ChordQuality[] actual = Enumerable.Range(0, 7).Select(d => Chord.OnDegree(scale, d).Quality).ToArray();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void OnDegree_CIonian_RootsAreTheScaleNotes()
    {
        var scale = new Scale(0, Mode.Ionian);

        int[] roots = Enumerable.Range(0, 7).Select(d => Chord.OnDegree(scale, d).Root).ToArray();

        Assert.Equal([0, 2, 4, 5, 7, 9, 11], roots);
    }

    [Fact]
    public void OnDegree_CIonianSevenths_AreMaj7Min7Min7Maj7Dom7Min7HalfDim7()
    {
        var scale = new Scale(0, Mode.Ionian);

        ChordQuality[] actual = Enumerable.Range(0, 7).Select(d => Chord.OnDegree(scale, d, seventh: true).Quality).ToArray();

        Assert.Equal(
            [
                ChordQuality.Major7, ChordQuality.Minor7, ChordQuality.Minor7, ChordQuality.Major7,
                ChordQuality.Dominant7, ChordQuality.Minor7, ChordQuality.HalfDiminished7,
            ],
            actual);
    }

    [Fact]
    public void OnDegree_DDorianFourth_IsGMajor()
    {
        Chord chord = Chord.OnDegree(new Scale(2, Mode.Dorian), 3);

        Assert.Equal(new Chord(7, ChordQuality.Major), chord);
    }
}
