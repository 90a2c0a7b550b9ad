using System.Globalization;

namespace Echelon.Protocols.Osc;

/// <summary>
/// The caller's buffer cannot hold the packet being encoded. <see cref="Required"/> is the size
/// needed: the whole packet when encoding an <see cref="OscPacket"/> (its <see cref="OscPacket.GetEncodedSize"/>),
/// or the bytes needed so far when an <see cref="OscWriter"/> runs out mid-packet.
/// </summary>
/// <remarks>What to do: give a larger buffer; nothing was sent. Retrying with the same buffer will not help.</remarks>
public sealed class OscBufferTooSmallException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="required">Bytes needed.</param>
    /// <param name="available">Bytes the buffer holds.</param>
    public OscBufferTooSmallException(int required, int available)
        : base(string.Create(CultureInfo.InvariantCulture, $"the OSC packet needs at least {required} bytes but the buffer holds {available}; give a buffer of {required} bytes or more."), "destination")
    {
        Required = required;
        Available = available;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public OscBufferTooSmallException()
        : this(0, 0)
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public OscBufferTooSmallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public OscBufferTooSmallException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Bytes needed.</summary>
    public int Required { get; }

    /// <summary>Bytes the buffer holds.</summary>
    public int Available { get; }
}
