namespace Echelon.Protocols.Osc;

/// <summary>What to do with padding bytes after a string or blob that are not zero (OSC 1.0 says they are). liblo rejects them.</summary>
public enum OscPaddingPolicy
{
    /// <summary>Ignore their value; the lengths still have to be right.</summary>
    Ignore,

    /// <summary>Reject the packet with <see cref="OscFormatError.NonZeroPadding"/>.</summary>
    Reject,
}
