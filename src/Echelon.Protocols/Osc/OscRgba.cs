using System.Globalization;

namespace Echelon.Protocols.Osc;

/// <summary>An OSC <c>r</c> argument: a 32-bit colour, red in the most significant byte, alpha in the least.</summary>
public readonly record struct OscRgba(byte R, byte G, byte B, byte A)
{
    /// <summary>The colour from its wire value (0xRRGGBBAA).</summary>
    public static OscRgba FromUInt32(uint value) => new((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);

    /// <summary>The wire value, 0xRRGGBBAA.</summary>
    public uint ToUInt32() => ((uint)R << 24) | ((uint)G << 16) | ((uint)B << 8) | A;

    /// <summary>Eight hex digits, RRGGBBAA.</summary>
    public override string ToString() => ToUInt32().ToString("x8", CultureInfo.InvariantCulture);
}
