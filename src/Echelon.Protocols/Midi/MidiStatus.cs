using System.Runtime.CompilerServices;

namespace Echelon.Protocols.Midi;

/// <summary>Facts about status bytes from the MIDI 1.0 Detailed Specification (tables I–III).</summary>
internal static class MidiStatus
{
    // Data bytes after each system status F0–FF; −1 marks the undefined ones (F4, F5, F9, FD) and
    // the variable-length F0 / lone F7.
    private static ReadOnlySpan<sbyte> SystemDataLengths => [-1, 1, 2, 1, -1, -1, 0, -1, 0, -1, 0, 0, 0, -1, 0, 0];

    /// <summary>
    /// Number of data bytes after <paramref name="status"/> (0, 1 or 2); −1 for a data byte, system
    /// exclusive, a lone EOX and the undefined status bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DataLength(byte status)
    {
        if (status < 0x80)
        {
            return -1;
        }

        if (status < 0xF0)
        {
            // C0 (program) and D0 (channel pressure) carry one data byte; the rest two.
            return (status & 0xE0) == 0xC0 ? 1 : 2;
        }

        return SystemDataLengths[status & 0x0F];
    }

    /// <summary>True for the undefined status bytes F4, F5, F9 and FD.</summary>
    public static bool IsUndefined(byte status) => status is 0xF4 or 0xF5 or 0xF9 or 0xFD;
}
