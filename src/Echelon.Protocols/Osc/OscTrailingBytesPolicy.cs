namespace Echelon.Protocols.Osc;

/// <summary>
/// What to do with bytes after the last argument of a message, including a bundle element whose
/// size is not a multiple of 4. Reaktor 5.8 sends such datagrams (python-osc's test vectors); liblo rejects them.
/// </summary>
public enum OscTrailingBytesPolicy
{
    /// <summary>Ignore them.</summary>
    Ignore,

    /// <summary>Reject the packet with <see cref="OscFormatError.TrailingBytes"/> or <see cref="OscFormatError.BadSize"/>.</summary>
    Reject,
}
