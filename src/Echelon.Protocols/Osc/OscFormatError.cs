namespace Echelon.Protocols.Osc;

/// <summary>What was wrong with a packet that could not be decoded (<see cref="OscFormatException.Error"/>).</summary>
public enum OscFormatError
{
    /// <summary>The packet has no bytes.</summary>
    EmptyPacket,

    /// <summary>The packet (or a bundle element) starts with neither <c>/</c> (message) nor <c>#bundle</c>.</summary>
    NotAnOscPacket,

    /// <summary>A packet starts with <c>#</c> but not with the 8 bytes <c>#bundle\0</c>.</summary>
    BadBundleHeader,

    /// <summary>A string has no terminating null byte before the end of the packet.</summary>
    UnterminatedString,

    /// <summary>A value, padding, time tag, size field or bundle element runs past the end of the packet.</summary>
    Truncated,

    /// <summary>Padding after a string or blob holds a byte other than 0 (strict decoding).</summary>
    NonZeroPadding,

    /// <summary>The address is not followed by a type tag string starting with <c>,</c>.</summary>
    MissingTypeTags,

    /// <summary>A type tag outside <see cref="OscTypeTags.Allowed"/>.</summary>
    UnknownTypeTag,

    /// <summary>A <c>]</c> that closes no array, or a <c>[</c> never closed.</summary>
    UnbalancedArray,

    /// <summary>A blob size is negative, or a bundle element size is not positive or (strict) not a multiple of 4.</summary>
    BadSize,

    /// <summary>Bytes follow the last argument of a message (strict decoding).</summary>
    TrailingBytes,

    /// <summary>A nested bundle's time tag is earlier than its enclosing bundle's (strict decoding).</summary>
    TimeTagOrder,

    /// <summary>Bundles or arrays nest deeper than <see cref="OscDecodeOptions.MaxNestingDepth"/>.</summary>
    TooDeep,
}
