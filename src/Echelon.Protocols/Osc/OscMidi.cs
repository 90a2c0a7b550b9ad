using System.Globalization;

namespace Echelon.Protocols.Osc;

/// <summary>An OSC <c>m</c> argument: four bytes, from most to least significant port id, status, data1, data2.</summary>
public readonly record struct OscMidi(byte Port, byte Status, byte Data1, byte Data2)
{
    /// <summary>The message from its wire value (0xPPSSD1D2).</summary>
    public static OscMidi FromUInt32(uint value) => new((byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);

    /// <summary>The wire value, 0xPPSSD1D2.</summary>
    public uint ToUInt32() => ((uint)Port << 24) | ((uint)Status << 16) | ((uint)Data1 << 8) | Data2;

    /// <summary>Eight hex digits, as oscsend takes them (port, status, data1, data2).</summary>
    public override string ToString() => ToUInt32().ToString("x8", CultureInfo.InvariantCulture);
}
