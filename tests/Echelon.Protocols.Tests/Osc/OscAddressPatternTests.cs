using System.Text;
using System.Text.RegularExpressions;
using Echelon.Protocols.Osc;
using Echelon.Testing;

namespace Echelon.Protocols.Tests.Osc;

public sealed class OscAddressPatternTests
{
    [Theory]
    [InlineData("/a/b", "/a/b", true)]
    [InlineData("/a/b", "/a/c", false)]
    [InlineData("/a/?", "/a/b", true)]
    [InlineData("/a/?", "/a/bc", false)]
    [InlineData("/a/*", "/a/", true)]
    [InlineData("/a/*", "/a/anything", true)]
    [InlineData("/a/*", "/a/b/c", false)]
    [InlineData("/*/*", "/a/b", true)]
    [InlineData("/*", "/a/b", false)]
    [InlineData("/a*c", "/abbbc", true)]
    [InlineData("/a*c", "/abbbd", false)]
    [InlineData("/[abc]", "/b", true)]
    [InlineData("/[abc]", "/d", false)]
    [InlineData("/[a-c]x", "/bx", true)]
    [InlineData("/[a-c]x", "/dx", false)]
    [InlineData("/[!a-c]", "/d", true)]
    [InlineData("/[!a-c]", "/b", false)]
    [InlineData("/[a-]", "/-", true)]
    [InlineData("/[ab!]", "/!", true)]
    [InlineData("/[!a]", "//", false)]
    [InlineData("/{foo,bar}/1", "/bar/1", true)]
    [InlineData("/{foo,bar}/1", "/baz/1", false)]
    [InlineData("/{foo,bar}", "/foobar", false)]
    [InlineData("/x{,y}", "/x", true)]
    [InlineData("/x{,y}", "/xy", true)]
    [InlineData("/{a,ab}b", "/abb", true)]
    [InlineData("/*{1,2}", "/second2", true)]
    [InlineData("/a,b", "/a,b", true)]
    [InlineData("/second/[1-2]", "/second/2", true)]
    [InlineData("/second/[1-2]", "/second/3", false)]
    public void Spec_Rules(string pattern, string address, bool matches)
    {
        Assert.Equal(matches, OscAddressPattern.Parse(pattern).IsMatch(address));
        Assert.Equal(matches, OscAddressPattern.IsMatch(Encoding.UTF8.GetBytes(pattern), Encoding.UTF8.GetBytes(address)));
    }

    [Theory]
    [InlineData("", "start with '/'")]
    [InlineData("a/b", "start with '/'")]
    [InlineData("/a[bc", "at byte 2, '[' is never closed by ']'")]
    [InlineData("/a{b,c", "'{' is never closed by '}'")]
    [InlineData("/a]", "']' closes nothing")]
    [InlineData("/{a,{b}}", "'{' cannot appear inside")]
    [InlineData("/[a/b]", "'/' cannot appear inside")]
    public void Parse_RejectsMalformedPatterns_SayingWhereAndWhy(string pattern, string words)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => OscAddressPattern.Parse(pattern));
        Assert.Contains(words, e.Message, StringComparison.Ordinal);
        Assert.False(OscAddressPattern.TryParse(pattern, out _));
    }

    [Fact]
    public void MalformedIncomingPattern_MatchesNothing()
    {
        Assert.False(OscAddressPattern.IsMatch("/a[b"u8, "/ab"u8));
        Assert.False(OscAddressPattern.IsMatch("/a}"u8, "/a}"u8));
    }

    [Fact]
    public void LiteralPatterns_AreFlagged()
    {
        Assert.True(OscAddressPattern.Parse("/a/b,c#d").IsLiteral);
        Assert.False(OscAddressPattern.Parse("/a/*").IsLiteral);
        Assert.Equal("/a/*", OscAddressPattern.Parse("/a/*").ToString());
    }

    [Fact]
    public void TooLongPatternWithWildcards_IsRejected_ButALongLiteralIsFine()
    {
        Assert.Throws<ArgumentException>(() => OscAddressPattern.Parse("/" + new string('*', OscAddressPattern.MaxLength)));
        Assert.True(OscAddressPattern.Parse("/" + new string('a', 5000)).IsLiteral);
    }

    [Fact]
    public void HostilePattern_CostsLinearTime_AndStillAnswers()
    {
        // A backtracking matcher takes exponential time on this; the automaton takes |address| × |pattern| steps.
        string pattern = "/" + string.Concat(Enumerable.Repeat("*a", 40)) + "b";
        string address = "/" + new string('a', 2000);
        Assert.False(OscAddressPattern.Parse(pattern).IsMatch(address));
        Assert.True(OscAddressPattern.Parse(pattern).IsMatch(address + "b"));
    }

    [Fact]
    public void Matching_AllocatesNothing()
    {
        OscAddressPattern compiled = OscAddressPattern.Parse("/echelon/{motion,audio}/*/[a-z]?");
        byte[] address = "/echelon/motion/accel/xy"u8.ToArray();
        int hits = 0;
        int calls = 0;
        long bytes = AllocationProbe.SteadyStateBytes(
            () =>
            {
                hits += compiled.IsMatch(address) ? 1 : 0;
                hits += OscAddressPattern.IsMatch("/echelon/*/acc?l/xy"u8, address) ? 1 : 0;
                calls++;
            },
            iterations: 1000);

        Assert.Equal(0, bytes);
        Assert.Equal(2 * calls, hits);
    }

    /// <summary>Reference twin: the same semantics through .NET's regex engine, translated independently.</summary>
    private static bool ReferenceMatch(string pattern, string address)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '?':
                    regex.Append("[^/]");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '[':
                {
                    int end = pattern.IndexOf(']', i);
                    string set = pattern[(i + 1)..end];
                    bool negate = set.StartsWith('!');
                    if (negate)
                    {
                        set = set[1..];
                    }

                    var cls = new StringBuilder();
                    for (int k = 0; k < set.Length; k++)
                    {
                        if (k + 2 < set.Length && set[k + 1] == '-')
                        {
                            if (set[k] <= set[k + 2])
                            {
                                cls.Append(Code(set[k])).Append('-').Append(Code(set[k + 2]));
                            }

                            k += 2;
                        }
                        else
                        {
                            cls.Append(Code(set[k]));
                        }
                    }

                    regex.Append(negate ? "(?!/)[^" + cls + "]" : cls.Length == 0 ? "(?!)" : "(?!/)[" + cls + "]");
                    i = end;
                    break;
                }

                case '{':
                {
                    int end = pattern.IndexOf('}', i);
                    regex.Append("(?:").Append(string.Join('|', pattern[(i + 1)..end].Split(',').Select(Regex.Escape))).Append(')');
                    i = end;
                    break;
                }

                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return Regex.IsMatch(address, regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static string Code(char c) => $"\\u{(int)c:X4}";

    private static string RandomPattern(Random random)
    {
        var text = new StringBuilder("/");
        int tokens = random.Next(0, 7);
        for (int t = 0; t < tokens; t++)
        {
            switch (random.Next(8))
            {
                case 0:
                    text.Append('?');
                    break;
                case 1:
                    text.Append('*');
                    break;
                case 2:
                    text.Append('[').Append(random.Next(3) == 0 ? "!" : "").Append(random.Next(2) == 0 ? "a-b" : "ac").Append(']');
                    break;
                case 3:
                    text.Append('{').Append(string.Join(',', Enumerable.Range(0, random.Next(1, 4)).Select(_ => new string('a', random.Next(0, 3)) + (random.Next(2) == 0 ? "b" : "")))).Append('}');
                    break;
                case 4:
                    text.Append('/');
                    break;
                default:
                    text.Append("abc"[random.Next(3)]);
                    break;
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Automaton_AgreesWithTheRegexReference_On100000RandomPairs()
    {
        var random = new Random(20240611);
        int matches = 0;
        for (int i = 0; i < 100_000; i++)
        {
            string pattern = RandomPattern(random);
            string address = "/" + new string(Enumerable.Range(0, random.Next(0, 8)).Select(_ => "ab/c"[random.Next(4)]).ToArray());
            bool expected = ReferenceMatch(pattern, address);
            Assert.True(expected == OscAddressPattern.Parse(pattern).IsMatch(address), $"'{pattern}' vs '{address}': reference says {expected}");
            matches += expected ? 1 : 0;
        }

        Assert.InRange(matches, 1000, 99_000);
    }
}
