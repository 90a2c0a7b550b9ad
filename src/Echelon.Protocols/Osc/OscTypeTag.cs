using System.Diagnostics.CodeAnalysis;

namespace Echelon.Protocols.Osc;

/// <summary>
/// The OSC type tags of OSC 1.0 and the 1.0 specification's "nonstandard" table that OSC 1.1 made
/// common: each member's value is the tag's ASCII byte, so a type tag string reads directly as these.
/// </summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name OSC's wire types (int32, float32, string, int64, double, char), as the OSC 1.0 specification does.")]
public enum OscTypeTag : byte
{
    /// <summary>No argument (a reader before its first argument).</summary>
    None = 0,

    /// <summary><c>i</c>: 32-bit big-endian two's complement integer.</summary>
    Int32 = (byte)'i',

    /// <summary><c>f</c>: 32-bit big-endian IEEE 754 float.</summary>
    Float32 = (byte)'f',

    /// <summary><c>s</c>: OSC-string (null-terminated, padded to 4 bytes).</summary>
    String = (byte)'s',

    /// <summary><c>b</c>: OSC-blob (int32 size, bytes, padding to 4 bytes).</summary>
    Blob = (byte)'b',

    /// <summary><c>h</c>: 64-bit big-endian two's complement integer.</summary>
    Int64 = (byte)'h',

    /// <summary><c>d</c>: 64-bit big-endian IEEE 754 double.</summary>
    Double = (byte)'d',

    /// <summary><c>t</c>: OSC time tag (NTP 32.32 fixed point).</summary>
    TimeTag = (byte)'t',

    /// <summary><c>T</c>: true; no argument bytes.</summary>
    True = (byte)'T',

    /// <summary><c>F</c>: false; no argument bytes.</summary>
    False = (byte)'F',

    /// <summary><c>N</c>: nil; no argument bytes.</summary>
    Nil = (byte)'N',

    /// <summary><c>I</c>: infinitum (impulse in OSC 1.1); no argument bytes.</summary>
    Infinitum = (byte)'I',

    /// <summary><c>c</c>: an ASCII character sent as 32 bits.</summary>
    Char = (byte)'c',

    /// <summary><c>r</c>: 32-bit RGBA colour.</summary>
    Rgba = (byte)'r',

    /// <summary><c>m</c>: 4-byte MIDI message (port, status, data1, data2).</summary>
    Midi = (byte)'m',

    /// <summary><c>S</c>: symbol, encoded as an OSC-string.</summary>
    Symbol = (byte)'S',

    /// <summary><c>[</c>: an array begins; the following tags up to the matching <c>]</c> are its elements.</summary>
    Array = (byte)'[',

    /// <summary><c>]</c>: the innermost open array ends.</summary>
    ArrayEnd = (byte)']',
}
