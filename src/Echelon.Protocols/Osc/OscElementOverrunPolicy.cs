namespace Echelon.Protocols.Osc;

/// <summary>
/// What to do with a bundle element whose size points past the end of the packet. python-osc slices
/// such an element to what is there (its own nested-bundle test vector declares 40 bytes where 36
/// follow); liblo rejects the bundle.
/// </summary>
public enum OscElementOverrunPolicy
{
    /// <summary>Read the element as the rest of the packet; it must still be a valid message or bundle.</summary>
    ReadToEndOfPacket,

    /// <summary>Reject the packet with <see cref="OscFormatError.Truncated"/>.</summary>
    Reject,
}
