namespace Echelon.Core.Equilibrium;

/// <summary>Counts of rejected frames by reason.</summary>
/// <remarks>Written by the control thread only; readers on other threads may see a slightly stale value.</remarks>
public sealed class RejectionCounters
{
    private long _nonFiniteInput;
    private long _nonFiniteForce;
    private long _nonFiniteState;

    /// <summary>Frames rejected because the input held NaN or ±∞.</summary>
    public long NonFiniteInput => Volatile.Read(ref _nonFiniteInput);

    /// <summary>Frames rejected because the external force held NaN or ±∞.</summary>
    public long NonFiniteForce => Volatile.Read(ref _nonFiniteForce);

    /// <summary>Frames whose iteration went non-finite and were rolled back.</summary>
    public long NonFiniteState => Volatile.Read(ref _nonFiniteState);

    /// <summary>All rejected frames.</summary>
    public long Total => NonFiniteInput + NonFiniteForce + NonFiniteState;

    /// <summary>Counts one rejection.</summary>
    public void Count(FrameRejection reason)
    {
        switch (reason)
        {
            case FrameRejection.NonFiniteInput:
                Volatile.Write(ref _nonFiniteInput, _nonFiniteInput + 1);
                break;
            case FrameRejection.NonFiniteForce:
                Volatile.Write(ref _nonFiniteForce, _nonFiniteForce + 1);
                break;
            case FrameRejection.NonFiniteState:
                Volatile.Write(ref _nonFiniteState, _nonFiniteState + 1);
                break;
            default:
                break;
        }
    }

    /// <summary>Clears every count.</summary>
    public void Reset()
    {
        Volatile.Write(ref _nonFiniteInput, 0);
        Volatile.Write(ref _nonFiniteForce, 0);
        Volatile.Write(ref _nonFiniteState, 0);
    }
}
