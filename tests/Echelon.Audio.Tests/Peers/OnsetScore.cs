namespace Echelon.Audio.Tests.Peers;

/// <summary>How well estimated event times match reference times (mir_eval's onset metric).</summary>
/// <param name="Matches">Pairs matched one-to-one within the window.</param>
/// <param name="ReferenceCount">Reference events.</param>
/// <param name="EstimatedCount">Estimated events.</param>
public readonly record struct OnsetScore(int Matches, int ReferenceCount, int EstimatedCount)
{
    /// <summary>Matched share of the estimates; 0 when there are none.</summary>
    public double Precision => EstimatedCount == 0 ? 0 : (double)Matches / EstimatedCount;

    /// <summary>Matched share of the references; 0 when there are none.</summary>
    public double Recall => ReferenceCount == 0 ? 0 : (double)Matches / ReferenceCount;

    /// <summary>Harmonic mean of precision and recall; 0 when either is 0.</summary>
    public double FMeasure => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
