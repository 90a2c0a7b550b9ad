using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Theory;

/// <summary>Scale degrees of the modes, checked against the note names musicians know.</summary>
public sealed class ModalScaleTests
{
    [Fact]
    public void DDorian_IsDEFGABC()
    {
        var scale = new Scale(KeyName.Parse("D"), ModeNames.Parse("dorian"));

        Assert.Equal([62, 64, 65, 67, 69, 71, 72], Notes(scale));
    }

    [Theory]
    [InlineData("C", "ionian", "C D E F G A B")]
    [InlineData("D", "dorian", "D E F G A B C")]
    [InlineData("E", "phrygian", "E F G A B C D")]
    [InlineData("F", "lydian", "F G A B C D E")]
    [InlineData("G", "mixolydian", "G A B C D E F")]
    [InlineData("A", "aeolian", "A B C D E F G")]
    [InlineData("B", "locrian", "B C D E F G A")]
    [InlineData("C", "dorian", "C D Eb F G A Bb")]
    [InlineData("C", "phrygian", "C Db Eb F G Ab Bb")]
    [InlineData("C", "lydian", "C D E F# G A B")]
    [InlineData("C", "mixolydian", "C D E F G A Bb")]
    [InlineData("C", "aeolian", "C D Eb F G Ab Bb")]
    [InlineData("C", "locrian", "C Db Eb F Gb Ab Bb")]
    [InlineData("F#", "aeolian", "F# G# A B C# D E")]
    [InlineData("Bb", "mixolydian", "Bb C D Eb F G Ab")]
    public void Degrees_SpellTheMode(string key, string mode, string expected)
    {
        var scale = new Scale(KeyName.Parse(key), ModeNames.Parse(mode));
        int[] expectedPcs = expected.Split(' ').Select(KeyName.Parse).ToArray();

        int[] actual = Notes(scale).Select(n => n % 12).ToArray();

        Assert.Equal(expectedPcs, actual);
    }

    [Fact]
    public void Note_DegreesPastTheOctave_WrapIntoNeighbouringOctaves()
    {
        var scale = new Scale(2, Mode.Dorian);

        Assert.Equal(74, scale.Note(7));
        Assert.Equal(60, scale.Note(-1));
        Assert.Equal(50, scale.Note(0, 3));
    }

    private static int[] Notes(Scale scale) => Enumerable.Range(0, 7).Select(d => scale.Note(d)).ToArray();
}
