using Echelon.Music.Theory;

namespace Echelon.Music.Tests.Theory;

public sealed class ModeNamesTests
{
    [Theory]
    [InlineData("ionian", Mode.Ionian)]
    [InlineData("dorian", Mode.Dorian)]
    [InlineData("DORIAN", Mode.Dorian)]
    [InlineData("Phrygian", Mode.Phrygian)]
    [InlineData(" lydian ", Mode.Lydian)]
    [InlineData("mixolydian", Mode.Mixolydian)]
    [InlineData("aeolian", Mode.Aeolian)]
    [InlineData("locrian", Mode.Locrian)]
    [InlineData("major", Mode.Ionian)]
    [InlineData("Minor", Mode.Aeolian)]
    public void Parse_ModeNames_IgnoringCase(string text, Mode expected) =>
        Assert.Equal(expected, ModeNames.Parse(text));

    [Theory]
    [InlineData("blues")]
    [InlineData("dorian2")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_Unknown_NamesTheFieldAndListsTheSeven(string? text)
    {
        var error = Assert.Throws<ModeParseException>(() => ModeNames.Parse(text));

        Assert.Equal("mode", error.ParamName);
        Assert.StartsWith("mode ", error.Message, StringComparison.Ordinal);
        foreach (string name in new[] { "ionian", "dorian", "phrygian", "lydian", "mixolydian", "aeolian", "locrian" })
        {
            Assert.Contains(name, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_Blues_QuotesTheRejectedText()
    {
        var error = Assert.Throws<ModeParseException>(() => ModeNames.Parse("blues"));

        Assert.Equal("blues", error.Value);
        Assert.Contains("\"blues\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_RoundTripsEveryMode()
    {
        foreach (Mode mode in Enum.GetValues<Mode>())
        {
            Assert.Equal(mode, ModeNames.Parse(ModeNames.Format(mode)));
        }

        Assert.Equal(7, ModeNames.AllowedNames.Count);
    }
}
