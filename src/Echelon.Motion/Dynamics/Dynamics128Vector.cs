namespace Echelon.Motion.Dynamics;

/// <summary>
/// One Dynamics128 vector: 128 normalised floats, the mask of slots that had data this frame
/// (bit i set = slot i measured), the host time, and the producer id (builder, layout version and
/// configuration hash) so recorded data always says what made it.
/// </summary>
/// <remarks>
/// A builder fills a caller-owned instance in place (no allocation per frame). Masked-out slots
/// hold 0 and must be read through the mask, never as measurements.
/// </remarks>
public sealed class Dynamics128Vector
{
    /// <summary>Number of slots.</summary>
    public const int Size = 128;

    /// <summary>Creates a zero vector with an empty mask.</summary>
    public Dynamics128Vector() => Values = new float[Size];

    /// <summary>The 128 slot values.</summary>
    public float[] Values { get; }

    /// <summary>Bit i set when slot i was measured this frame.</summary>
    public UInt128 Mask { get; set; }

    /// <summary>Nanoseconds from the session start.</summary>
    public long TimeNs { get; set; }

    /// <summary>Which builder, layout version and configuration made the vector.</summary>
    public string ProducerId { get; set; } = string.Empty;

    /// <summary>True when slot <paramref name="slot"/> was measured.</summary>
    public bool IsValid(int slot) => ((Mask >> slot) & UInt128.One) != UInt128.Zero;

    /// <summary>Number of measured slots.</summary>
    public int ValidCount => (int)UInt128.PopCount(Mask);

    /// <summary>Copies everything into <paramref name="destination"/>.</summary>
    public void CopyTo(Dynamics128Vector destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Values.CopyTo(destination.Values, 0);
        destination.Mask = Mask;
        destination.TimeNs = TimeNs;
        destination.ProducerId = ProducerId;
    }
}
