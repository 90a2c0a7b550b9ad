using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Echelon.Protocols.Osc;

/// <summary>
/// An OSC 1.0 address pattern, compiled once and matched without allocating: <c>?</c> one character,
/// <c>*</c> any run of characters, <c>[abc]</c> <c>[a-z]</c> <c>[!0-9]</c> one character of (or not of) a
/// set, <c>{foo,bar}</c> one of the strings; none of them crosses a <c>/</c>, so pattern and address
/// must have the same number of parts. Everything else matches itself.
/// </summary>
/// <remarks>
/// Matching runs the pattern as a nondeterministic automaton over the address, so it costs at most
/// (address length × pattern length) steps whatever the pattern: no backtracking blow-up on hostile
/// input. Patterns with wildcards are limited to <see cref="MaxLength"/> bytes. OSC 1.1's <c>//</c>
/// path-traversing wildcard is not supported (OSC 1.0 has none). Immutable; share between threads.
/// </remarks>
public sealed class OscAddressPattern
{
    /// <summary>The longest pattern with wildcards this matcher accepts, in UTF-8 bytes.</summary>
    public const int MaxLength = 1024;

    private static readonly SearchValues<byte> s_wildcards = SearchValues.Create("*?[]{}"u8);

    private readonly byte[] _pattern;
    private readonly int[] _jumps;
    private readonly int _prefix;
    private readonly int _slashes;

    private OscAddressPattern(string text, byte[] pattern, int[] jumps, bool isLiteral)
    {
        Text = text;
        _pattern = pattern;
        _jumps = jumps;
        IsLiteral = isLiteral;
        _prefix = LiteralPrefix(pattern);
        _slashes = pattern.AsSpan().Count((byte)'/');
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The pattern as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Utf8 => _pattern;

    /// <summary>True when the pattern has no wildcards (a plain address matched by equality).</summary>
    public bool IsLiteral { get; }

    /// <summary>Compiles <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">Not a valid pattern; the message names the position and what is allowed.</exception>
    public static OscAddressPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return TryParse(pattern, out OscAddressPattern? result, out string? problem)
            ? result
            : throw new ArgumentException($"'{pattern}' is not an OSC address pattern: {problem}", nameof(pattern));
    }

    /// <summary>Compiles <paramref name="pattern"/> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? pattern, [NotNullWhen(true)] out OscAddressPattern? result) =>
        TryParse(pattern, out result, out _);

    /// <summary>True when <paramref name="text"/> holds any of <c>* ? [ ] { }</c>.</summary>
    public static bool HasWildcards(ReadOnlySpan<byte> text) => text.IndexOfAny(s_wildcards) >= 0;

    /// <summary>
    /// Matches an uncompiled pattern (an incoming message's address pattern) against an address,
    /// without allocating. A malformed pattern, or one with wildcards longer than <see cref="MaxLength"/>, matches nothing.
    /// </summary>
    public static bool IsMatch(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> address)
    {
        if (!HasWildcards(pattern))
        {
            return pattern.SequenceEqual(address);
        }

        if (pattern.Length > MaxLength)
        {
            return false;
        }

        Span<int> jumps = stackalloc int[pattern.Length];
        return TryPrepare(pattern, jumps) && Matches(pattern, jumps, LiteralPrefix(pattern), pattern.Count((byte)'/'), address);
    }

    /// <summary>True when <paramref name="address"/> (UTF-8, no wildcards expected) matches this pattern.</summary>
    public bool IsMatch(ReadOnlySpan<byte> address) =>
        IsLiteral ? address.SequenceEqual(_pattern) : Matches(_pattern, _jumps, _prefix, _slashes, address);

    /// <summary>Bytes before the first wildcard: every match starts with them.</summary>
    internal static int LiteralPrefix(ReadOnlySpan<byte> pattern)
    {
        int at = pattern.IndexOfAny(s_wildcards);
        return at < 0 ? pattern.Length : at;
    }

    /// <summary>Checks an incoming pattern (at most <see cref="MaxLength"/> bytes) once, so it can be matched against many addresses.</summary>
    internal static bool TryPrepare(ReadOnlySpan<byte> pattern, Span<int> jumps) =>
        pattern.Length <= MaxLength && TryComputeJumps(pattern, jumps, out _, out _, out _);

    /// <summary>
    /// Matches a prepared pattern. Wildcards never cross '/', so an address with another number of
    /// slashes, or without the pattern's literal prefix, is rejected before the automaton runs.
    /// </summary>
    internal static bool Matches(ReadOnlySpan<byte> pattern, ReadOnlySpan<int> jumps, int prefix, int slashes, ReadOnlySpan<byte> address) =>
        address.StartsWith(pattern[..prefix]) && address.Count((byte)'/') == slashes &&
        (pattern[prefix..].Contains((byte)'{') ? Run(pattern, jumps, address) : MatchPartByPart(pattern, jumps, address));

    /// <summary>
    /// The fast path for patterns without braces: every token then matches exactly one character or
    /// (<c>*</c>) a run, so each part is matched by the classic greedy wildcard walk that backs up only to
    /// the last star. Parts pair up one to one because nothing crosses a '/'.
    /// </summary>
    private static bool MatchPartByPart(ReadOnlySpan<byte> p, ReadOnlySpan<int> jumps, ReadOnlySpan<byte> a)
    {
        int ps = 0;
        int starts = 0;
        while (true)
        {
            int pe = p[ps..].IndexOf((byte)'/');
            pe = pe < 0 ? p.Length : ps + pe;
            int ae = a[starts..].IndexOf((byte)'/');
            ae = ae < 0 ? a.Length : starts + ae;
            if (!MatchPart(p, jumps, ps, pe, a, starts, ae))
            {
                return false;
            }

            if (pe == p.Length || ae == a.Length)
            {
                return pe == p.Length && ae == a.Length;
            }

            ps = pe + 1;
            starts = ae + 1;
        }
    }

    private static bool MatchPart(ReadOnlySpan<byte> p, ReadOnlySpan<int> jumps, int pi, int pe, ReadOnlySpan<byte> a, int ai, int ae)
    {
        int starP = -1;
        int starA = -1;
        while (ai < ae)
        {
            if (pi < pe)
            {
                byte t = p[pi];
                if (t == (byte)'*')
                {
                    starP = pi++;
                    starA = ai;
                    continue;
                }

                if (t == (byte)'?' || (t == (byte)'[' ? InClass(p[(pi + 1)..jumps[pi]], a[ai]) : t == a[ai]))
                {
                    pi = t == (byte)'[' ? jumps[pi] + 1 : pi + 1;
                    ai++;
                    continue;
                }
            }

            if (starP < 0)
            {
                return false;
            }

            pi = starP + 1;
            ai = ++starA;
        }

        while (pi < pe && p[pi] == (byte)'*')
        {
            pi++;
        }

        return pi == pe;
    }

    /// <summary>True when <paramref name="address"/> matches this pattern.</summary>
    public bool IsMatch(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        int n = Encoding.UTF8.GetByteCount(address);
        byte[]? rented = n > 512 ? ArrayPool<byte>.Shared.Rent(n) : null;
        Span<byte> utf8 = rented is null ? stackalloc byte[512] : rented;
        try
        {
            int written = Encoding.UTF8.GetBytes(address, utf8);
            return IsMatch(utf8[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The pattern as written.</summary>
    public override string ToString() => Text;

    private static bool TryParse(string? pattern, [NotNullWhen(true)] out OscAddressPattern? result, [NotNullWhen(false)] out string? problem)
    {
        result = null;
        if (string.IsNullOrEmpty(pattern) || pattern[0] != '/')
        {
            problem = "it must start with '/'.";
            return false;
        }

        if (pattern.Contains('\0', StringComparison.Ordinal))
        {
            problem = "it holds a null character.";
            return false;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(pattern);
        bool literal = !HasWildcards(bytes);
        if (!literal && bytes.Length > MaxLength)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"it is {bytes.Length} bytes long; patterns with wildcards are limited to {MaxLength}.");
            return false;
        }

        int[] jumps = new int[bytes.Length];
        if (!literal && !TryComputeJumps(bytes, jumps, out int at, out byte open, out byte found))
        {
            problem = Describe(at, open, found);
            return false;
        }

        problem = null;
        result = new OscAddressPattern(pattern, bytes, jumps, literal);
        return true;
    }

    /// <summary>
    /// For each '[' the index of its ']', for each '{' and each ',' inside braces the index of the '}';
    /// 0 elsewhere. Fails on unclosed or nested groups, '/' inside a group, or a stray ']' or '}'.
    /// Allocation-free: a failure is returned as the byte offset, the group's opening character
    /// (0 for a stray closing one) and the offending character; <see cref="Describe"/> words it.
    /// </summary>
    private static bool TryComputeJumps(ReadOnlySpan<byte> p, Span<int> jumps, out int at, out byte open, out byte found)
    {
        jumps.Clear();
        open = 0;
        found = 0;
        for (int i = 0; i < p.Length; i++)
        {
            byte b = p[i];
            if (b is (byte)']' or (byte)'}')
            {
                at = i;
                found = b;
                return false;
            }

            if (b is not ((byte)'[' or (byte)'{'))
            {
                continue;
            }

            byte close = b == (byte)'[' ? (byte)']' : (byte)'}';
            int end = -1;
            for (int k = i + 1; k < p.Length; k++)
            {
                byte c = p[k];
                if (c == close)
                {
                    end = k;
                    break;
                }

                if (c is (byte)'/' or (byte)'[' or (byte)'{' or (byte)']' or (byte)'}')
                {
                    at = k;
                    open = b;
                    found = c;
                    return false;
                }

                if (b == (byte)'{' && c == (byte)',')
                {
                    jumps[k] = -1; // patched below once the '}' is known
                }
            }

            if (end < 0)
            {
                at = i;
                open = b;
                return false;
            }

            jumps[i] = end;
            for (int k = i + 1; k < end; k++)
            {
                if (jumps[k] == -1)
                {
                    jumps[k] = end;
                }
            }

            i = end;
        }

        at = -1;
        return true;
    }

    private static string Describe(int at, byte open, byte found)
    {
        char close = open == (byte)'[' ? ']' : '}';
        string what = (open, found) switch
        {
            (0, _) => $"'{(char)found}' closes nothing; '[' and '{{' open groups.",
            (_, 0) => $"'{(char)open}' is never closed by '{close}'.",
            _ => $"'{(char)found}' cannot appear inside '{(char)open}…{close}'.",
        };
        return string.Create(CultureInfo.InvariantCulture, $"at byte {at}, {what}");
    }

    private static bool Run(ReadOnlySpan<byte> p, ReadOnlySpan<int> jumps, ReadOnlySpan<byte> address)
    {
        int states = p.Length + 1;
        int words = (states + 63) >> 6;
        Span<ulong> current = stackalloc ulong[words];
        Span<ulong> next = stackalloc ulong[words];
        Span<int> work = stackalloc int[(2 * states) + 1];
        current.Clear();
        AddClosure(p, jumps, current, work, 0);
        foreach (byte c in address)
        {
            next.Clear();
            bool any = false;
            for (int w = 0; w < words; w++)
            {
                ulong bits = current[w];
                while (bits != 0)
                {
                    int s = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (s >= p.Length)
                    {
                        continue;
                    }

                    int target = Step(p, jumps, s, c);
                    if (target >= 0)
                    {
                        AddClosure(p, jumps, next, work, target);
                        any = true;
                    }
                }
            }

            if (!any)
            {
                return false;
            }

            Span<ulong> swap = current;
            current = next;
            next = swap;
        }

        return (current[p.Length >> 6] & (1UL << (p.Length & 63))) != 0;
    }

    /// <summary>The state after consuming <paramref name="c"/> in state <paramref name="s"/>, or −1.</summary>
    private static int Step(ReadOnlySpan<byte> p, ReadOnlySpan<int> jumps, int s, byte c)
    {
        byte t = p[s];
        switch (t)
        {
            case (byte)'?':
                return c != (byte)'/' ? s + 1 : -1;
            case (byte)'*':
                return c != (byte)'/' ? s : -1;
            case (byte)'[':
                return c != (byte)'/' && InClass(p[(s + 1)..jumps[s]], c) ? jumps[s] + 1 : -1;
            case (byte)'{':
            case (byte)'}':
                return -1;
            case (byte)',' when jumps[s] > 0:
                return -1;
            default:
                return c == t ? s + 1 : -1;
        }
    }

    private static bool InClass(ReadOnlySpan<byte> set, byte c)
    {
        bool negate = set.Length > 0 && set[0] == (byte)'!';
        int i = negate ? 1 : 0;
        bool found = false;
        while (i < set.Length)
        {
            if (i + 2 < set.Length && set[i + 1] == (byte)'-')
            {
                found |= c >= set[i] && c <= set[i + 2];
                i += 3;
            }
            else
            {
                found |= c == set[i];
                i++;
            }
        }

        return found != negate;
    }

    /// <summary>Adds state <paramref name="start"/> and every state reachable from it without consuming a character.</summary>
    private static void AddClosure(ReadOnlySpan<byte> p, ReadOnlySpan<int> jumps, Span<ulong> set, Span<int> work, int start)
    {
        int top = 0;
        work[top++] = start;
        while (top > 0)
        {
            int s = work[--top];
            ulong bit = 1UL << (s & 63);
            if ((set[s >> 6] & bit) != 0)
            {
                continue;
            }

            set[s >> 6] |= bit;
            if (s >= p.Length)
            {
                continue;
            }

            switch (p[s])
            {
                case (byte)'*':
                case (byte)'}':
                    Push(work, ref top, set, s + 1);
                    break;
                case (byte)'{':
                    Push(work, ref top, set, s + 1);
                    for (int k = s + 1; k < jumps[s]; k++)
                    {
                        if (p[k] == (byte)',')
                        {
                            Push(work, ref top, set, k + 1);
                        }
                    }

                    break;
                case (byte)',' when jumps[s] > 0:
                    Push(work, ref top, set, jumps[s] + 1);
                    break;
                default:
                    break;
            }
        }
    }

    private static void Push(Span<int> work, ref int top, Span<ulong> set, int s)
    {
        // Each state is expanded once and each epsilon edge pushes at most once (states + commas < 2 × states),
        // so the stack, sized 2 × states + 1, cannot overflow.
        if ((set[s >> 6] & (1UL << (s & 63))) == 0)
        {
            work[top++] = s;
        }
    }
}
