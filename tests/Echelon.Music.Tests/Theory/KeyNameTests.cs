using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Theory;

public sealed class KeyNameTests
{
    [Theory]
    [InlineData("C", 0)]
    [InlineData("C#", 1)]
    [InlineData("c#", 1)]
    [InlineData("Db", 1)]
    [InlineData("D", 2)]
    [InlineData("Eb", 3)]
    [InlineData("e", 4)]
    [InlineData("F", 5)]
    [InlineData("F#", 6)]
    [InlineData("Gb", 6)]
    [InlineData("G", 7)]
    [InlineData("Ab", 8)]
    [InlineData("A", 9)]
    [InlineData("Bb", 10)]
    [InlineData("bb", 10)]
    [InlineData("B♭", 10)]
    [InlineData("A♯", 10)]
    [InlineData("B", 11)]
    [InlineData("Cb", 11)]
    [InlineData("B#", 0)]
    [InlineData(" G ", 7)]
    public void Parse_KeyNames_GiveTheTonicPitchClass(string text, int expected) =>
        Assert.Equal(expected, KeyName.Parse(text));

    [Fact]
    public void Parse_H_IsRefusedWithTheReasonAndTheAllowedNames()
    {
        var error = Assert.Throws<KeyParseException>(() => KeyName.Parse("H"));

        Assert.Equal("key", error.ParamName);
        Assert.Equal("H", error.Value);
        Assert.Contains("key \"H\" is not allowed", error.Message, StringComparison.Ordinal);
        Assert.Contains("German", error.Message, StringComparison.Ordinal);
        Assert.Contains("C, C#, Db, D, D#, Eb, E, F, F#, Gb, G, G#, Ab, A, A#, Bb, B", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X")]
    [InlineData("C##")]
    [InlineData("Cx")]
    [InlineData("BB")]
    [InlineData("Cmaj")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Parse_Garbage_NamesTheFieldAndListsTheAllowedNames(string? text)
    {
        var error = Assert.Throws<KeyParseException>(() => KeyName.Parse(text));

        Assert.Equal("key", error.ParamName);
        Assert.StartsWith("key ", error.Message, StringComparison.Ordinal);
        Assert.Contains(KeyName.AllowedList, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(error);
    }

    [Fact]
    public void TryParse_H_IsFalse() => Assert.False(KeyName.TryParse("H", out _));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Format_RoundTripsThroughParse(bool preferFlats)
    {
        for (int tonic = 0; tonic < 12; tonic++)
        {
            Assert.Equal(tonic, KeyName.Parse(KeyName.Format(tonic, preferFlats)));
        }
    }

    [Fact]
    public void AllowedNames_AllParse() =>
        Assert.All(KeyName.AllowedNames, name => Assert.True(KeyName.TryParse(name, out _)));
}
