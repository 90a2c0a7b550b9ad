using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Echelon.Protocols.Osc;

/// <summary>
/// An OSC time tag: the 64-bit NTP timestamp of OSC 1.0, 32 bits of seconds since 1900-01-01 00:00 UTC
/// then 32 bits of fraction (about 233 ps). The value 1 (63 zero bits and a one) means "immediately".
/// </summary>
/// <remarks>
/// Era 0 only: seconds run out on 2036-02-07 06:28:16 UTC, so later dates throw when converted
/// (OSC 1.0 defines no era; receivers that guess one disagree). Conversions to <see cref="DateTime"/>
/// round to its 100 ns tick. Immutable, so safe to share between threads.
/// </remarks>
public readonly struct OscTimeTag : IEquatable<OscTimeTag>, IComparable<OscTimeTag>
{
    /// <summary>Seconds between the NTP epoch (1900) and the Unix epoch (1970).</summary>
    public const long UnixEpochSeconds = 2_208_988_800L;

    private const double FractionScale = 4294967296.0;
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <summary>The NTP epoch, 1900-01-01 00:00:00 UTC.</summary>
    public static readonly DateTime Epoch = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Creates a time tag from its 64-bit value.</summary>
    public OscTimeTag(ulong value) => Value = value;

    /// <summary>Creates a time tag from its seconds and fraction halves.</summary>
    public OscTimeTag(uint seconds, uint fraction) => Value = ((ulong)seconds << 32) | fraction;

    /// <summary>The special time tag 1: "immediately".</summary>
    public static OscTimeTag Immediate => new(1UL);

    /// <summary>The 64-bit value as sent on the wire.</summary>
    public ulong Value { get; }

    /// <summary>Whole seconds since 1900 (the high 32 bits).</summary>
    public uint Seconds => (uint)(Value >> 32);

    /// <summary>Fraction of a second in units of 2⁻³² s (the low 32 bits).</summary>
    public uint Fraction => (uint)Value;

    /// <summary>True for the special value 1, "immediately".</summary>
    public bool IsImmediate => Value == 1UL;

    /// <summary>The time tag of a moment; <paramref name="time"/> is converted to UTC (Unspecified counts as UTC).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Before 1900 or from 2036-02-07 06:28:16 UTC on.</exception>
    public static OscTimeTag FromDateTime(DateTime time)
    {
        DateTime utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        long ticks = utc.Ticks - Epoch.Ticks;
        long seconds = ticks / TicksPerSecond;
        if (ticks < 0 || seconds > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "an OSC time tag holds 1900-01-01 to 2036-02-07 06:28:16 UTC.");
        }

        long rest = ticks - (seconds * TicksPerSecond);
        // rest < 10^7 < 2^24, so rest << 32 fits; floor here and rounding in ToDateTime make the round trip exact.
        return new OscTimeTag((uint)seconds, (uint)((rest << 32) / TicksPerSecond));
    }

    /// <summary>The time tag of a moment.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Before 1900 or from 2036-02-07 06:28:16 UTC on.</exception>
    public static OscTimeTag FromDateTimeOffset(DateTimeOffset time) => FromDateTime(time.UtcDateTime);

    /// <summary>
    /// The time tag <paramref name="seconds"/> after 1900, truncated to 2⁻³² s: <c>(ulong)(seconds · 2³²)</c>,
    /// the same arithmetic as python-osc, so both give the same bytes for the same double.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not finite, negative, or from 2³² s (2036) on.</exception>
    public static OscTimeTag FromSecondsSince1900(double seconds)
    {
        if (!(seconds >= 0 && seconds < FractionScale))
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "seconds since 1900 must be finite and in [0, 2^32).");
        }

        return new OscTimeTag((ulong)(seconds * FractionScale));
    }

    /// <summary>The time tag of a Unix time in seconds (python-osc's <c>system_time_to_ntp</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1900–2036 or not finite.</exception>
    public static OscTimeTag FromUnixTimeSeconds(double seconds) => FromSecondsSince1900(seconds + UnixEpochSeconds);

    /// <summary>Now, from <paramref name="clock"/> (the system clock when null).</summary>
    public static OscTimeTag Now(TimeProvider? clock = null) => FromDateTimeOffset((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>Parses liblo's text form <c>HHHHHHHH.HHHHHHHH</c> (seconds and fraction in hex, as oscdump prints).</summary>
    /// <exception cref="FormatException">Not that form.</exception>
    public static OscTimeTag Parse(string text) =>
        TryParse(text, out OscTimeTag tag)
            ? tag
            : throw new FormatException($"'{text}' is not a time tag; expected HHHHHHHH.HHHHHHHH (seconds.fraction in hex, e.g. e1a2b3c4.80000000).");

    /// <summary>Tries to parse liblo's text form <c>HHHHHHHH.HHHHHHHH</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out OscTimeTag tag)
    {
        tag = default;
        if (text is null || text.Length != 17 || text[8] != '.')
        {
            return false;
        }

        if (uint.TryParse(text.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint s) &&
            uint.TryParse(text.AsSpan(9, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint f))
        {
            tag = new OscTimeTag(s, f);
            return true;
        }

        return false;
    }

    /// <summary>The moment as a UTC <see cref="DateTime"/>, rounded to the nearest 100 ns tick.</summary>
    public DateTime ToDateTime()
    {
        long ticks = ((long)Seconds * TicksPerSecond) + (long)((((ulong)Fraction * TicksPerSecond) + (1UL << 31)) >> 32);
        return new DateTime(Epoch.Ticks + ticks, DateTimeKind.Utc);
    }

    /// <summary>Seconds since 1900 as a double (resolution about 0.5 µs today).</summary>
    public double ToSecondsSince1900() => Seconds + (Fraction / FractionScale);

    /// <summary>Seconds since 1970 as a double; negative before 1970.</summary>
    public double ToUnixTimeSeconds() => ((long)Seconds - UnixEpochSeconds) + (Fraction / FractionScale);

    /// <summary>This time tag moved by <paramref name="seconds"/> (rounded to 2⁻³² s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result leaves 1900–2036, or <paramref name="seconds"/> is not finite.</exception>
    public OscTimeTag AddSeconds(double seconds)
    {
        double delta = Math.Round(seconds * FractionScale);
        double result = (double)Value + delta;
        if (!double.IsFinite(delta) || result < 0 || result >= 18446744073709551615.0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "the moved time tag must stay within 1900–2036.");
        }

        return new OscTimeTag(delta >= 0 ? Value + (ulong)delta : Value - (ulong)(-delta));
    }

    /// <summary>liblo's text form <c>HHHHHHHH.HHHHHHHH</c>, as oscdump prints.</summary>
    public override string ToString() =>
        Seconds.ToString("x8", CultureInfo.InvariantCulture) + "." + Fraction.ToString("x8", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(OscTimeTag other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OscTimeTag other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(OscTimeTag other) => Value.CompareTo(other.Value);

    /// <summary>Equality of the 64-bit values.</summary>
    public static bool operator ==(OscTimeTag left, OscTimeTag right) => left.Value == right.Value;

    /// <summary>Inequality of the 64-bit values.</summary>
    public static bool operator !=(OscTimeTag left, OscTimeTag right) => left.Value != right.Value;

    /// <summary>Earlier than.</summary>
    public static bool operator <(OscTimeTag left, OscTimeTag right) => left.Value < right.Value;

    /// <summary>Later than.</summary>
    public static bool operator >(OscTimeTag left, OscTimeTag right) => left.Value > right.Value;

    /// <summary>Earlier than or equal.</summary>
    public static bool operator <=(OscTimeTag left, OscTimeTag right) => left.Value <= right.Value;

    /// <summary>Later than or equal.</summary>
    public static bool operator >=(OscTimeTag left, OscTimeTag right) => left.Value >= right.Value;
}
