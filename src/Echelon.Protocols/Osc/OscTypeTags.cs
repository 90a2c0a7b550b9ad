namespace Echelon.Protocols.Osc;

/// <summary>Facts about type tags: which are known, how many argument bytes each takes.</summary>
public static class OscTypeTags
{
    /// <summary>Every tag this codec reads and writes, as a person types them.</summary>
    public const string Allowed = "i f s b h d t T F N I c m r S [ ]";

    /// <summary>True for a tag of OSC 1.0 or its nonstandard table (<see cref="Allowed"/>).</summary>
    public static bool IsKnown(byte tag) => FixedSize(tag) >= -1;

    /// <summary>True for a tag that carries no argument bytes: <c>T F N I [ ]</c>.</summary>
    public static bool HasNoData(byte tag) => FixedSize(tag) == 0;

    /// <summary>
    /// Argument bytes of <paramref name="tag"/>: 4 or 8 for fixed-size values, 0 for <c>T F N I [ ]</c>,
    /// −1 for the variable-size <c>s S b</c>, −2 for an unknown tag.
    /// </summary>
    public static int FixedSize(byte tag) => tag switch
    {
        (byte)'i' or (byte)'f' or (byte)'c' or (byte)'r' or (byte)'m' => 4,
        (byte)'h' or (byte)'d' or (byte)'t' => 8,
        (byte)'T' or (byte)'F' or (byte)'N' or (byte)'I' or (byte)'[' or (byte)']' => 0,
        (byte)'s' or (byte)'S' or (byte)'b' => -1,
        _ => -2,
    };

    /// <summary>The name of a tag's type for messages ("int32", "float32", …).</summary>
    public static string Describe(OscTypeTag tag) => tag switch
    {
        OscTypeTag.Int32 => "int32",
        OscTypeTag.Float32 => "float32",
        OscTypeTag.String => "string",
        OscTypeTag.Blob => "blob",
        OscTypeTag.Int64 => "int64",
        OscTypeTag.Double => "double",
        OscTypeTag.TimeTag => "time tag",
        OscTypeTag.True => "true",
        OscTypeTag.False => "false",
        OscTypeTag.Nil => "nil",
        OscTypeTag.Infinitum => "infinitum",
        OscTypeTag.Char => "char",
        OscTypeTag.Rgba => "rgba colour",
        OscTypeTag.Midi => "MIDI message",
        OscTypeTag.Symbol => "symbol",
        OscTypeTag.Array => "array",
        OscTypeTag.ArrayEnd => "array end",
        OscTypeTag.None => "no argument",
        _ => "unknown",
    };
}
