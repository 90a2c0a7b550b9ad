using System.Text;
using Echelon.Studio.Configuration;

namespace Echelon.Studio.Tests.Configuration;

/// <summary>Whatever the text, parsing either succeeds or throws a <see cref="ConfigurationException"/> with located errors.</summary>
public sealed class ConfigurationRobustnessTests
{
    [Theory]
    [InlineData("[a]: 1\n")]
    [InlineData("? [a, b]\n: 1\n")]
    [InlineData("*x: 1\n")]
    [InlineData("\ufefftempo: {bpm: 90}\n")]
    [InlineData("server:\n  port: 99999999999999999999999\n")]
    [InlineData("session:\n  seed: 1e3\n")]
    [InlineData("session:\n  seed: 99999999999999999999\n")]
    [InlineData("mappings:\n  - source: phi\n    target: composer.tension\n    in: [.inf, 1]\n")]
    [InlineData("mappings:\n  - source: 5\n    target: [composer.tension]\n")]
    [InlineData("mappings: {a: 1}\n")]
    [InlineData("mappings:\n  - phi\n")]
    [InlineData("devices: {sources: {kind: osc}}\n")]
    [InlineData("devices:\n  sources:\n    - kind:\n")]
    [InlineData("devices:\n  imu: {a: 1}\n")]
    [InlineData("music:\n  agents: [drums]\n")]
    [InlineData("\t\u0000\u0001garbage: [\n")]
    [InlineData("a: &x [*x]\n")]
    [InlineData("%YAML 1.2\n---\ntempo: {bpm: 100}\n...\n")]
    public void Parse_OddInput_IsAConfigurationErrorOrAValue(string text)
    {
        AssertOnlyConfigurationErrors(text);
    }

    [Fact]
    public void Parse_NestingDeeperThanTheLimit_IsASyntaxErrorNotAStackOverflow()
    {
        string text = "a: " + new string('[', 200) + new string(']', 200) + "\n";
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => StudioConfiguration.Parse(text));
        ConfigurationError error = Assert.Single(e.Errors);
        Assert.Equal($"syntax error: nested more than {YamlTree.MaxDepth} levels deep", error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Parse_TheExampleMutated_NeverThrowsAnythingElse()
    {
        string example = File.ReadAllText(ExampleConfigurationTests.ExamplePath);
        var random = new Random(15);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 :-[]{},#&*!|>'\"\n\t.~_/";
        int failures = 0;
        for (int round = 0; round < 400; round++)
        {
            var text = new StringBuilder(example);
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(at, Math.Min(1 + random.Next(8), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        text[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            failures += AssertOnlyConfigurationErrors(text.ToString()) ? 0 : 1;
        }

        // Most mutations break something; the test is that each break is reported, located, and nothing else escapes.
        Assert.InRange(failures, 100, 400);
    }

    /// <summary>True when the text parsed; false when it threw a well-formed <see cref="ConfigurationException"/>.</summary>
    private static bool AssertOnlyConfigurationErrors(string text)
    {
        try
        {
            StudioConfiguration c = StudioConfiguration.Parse(text);
            Assert.Equal(c, StudioConfiguration.Parse(c.ToYaml()));
            return true;
        }
        catch (ConfigurationException e)
        {
            Assert.NotEmpty(e.Errors);
            int lines = text.Split('\n').Length;
            foreach (ConfigurationError error in e.Errors)
            {
                Assert.InRange(error.Line, 1, lines + 1);
                Assert.True(error.Column >= 1, error.ToString());
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
            }

            return false;
        }
    }
}
