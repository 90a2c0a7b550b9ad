using System.Globalization;

namespace Echelon.Audio.Evaluation;

/// <summary>
/// A reference and an estimated melody on one time base, in cents and voicing: what
/// <c>mir_eval.melody.to_cent_voicing</c> returns and every melody metric takes.
/// </summary>
/// <remarks>Immutable: the constructor copies its inputs. Thread-safe.</remarks>
public sealed class MelodyFrames
{
    private readonly double[] _referenceVoicing;
    private readonly double[] _referenceCents;
    private readonly double[] _estimatedVoicing;
    private readonly double[] _estimatedCents;

    /// <summary>Creates the frames, checking them as <c>mir_eval.melody.validate_voicing</c> and <c>validate</c> do.</summary>
    /// <param name="referenceVoicing">Reference voicing per frame, 0–1.</param>
    /// <param name="referenceCents">Reference pitch per frame in cents; 0 means no pitch.</param>
    /// <param name="estimatedVoicing">Estimated voicing per frame, 0–1.</param>
    /// <param name="estimatedCents">Estimated pitch per frame in cents; 0 means no pitch.</param>
    /// <exception cref="ArgumentException">The lengths differ, a voicing is outside 0–1, or a value is not finite.</exception>
    public MelodyFrames(
        ReadOnlySpan<double> referenceVoicing,
        ReadOnlySpan<double> referenceCents,
        ReadOnlySpan<double> estimatedVoicing,
        ReadOnlySpan<double> estimatedCents)
    {
        int n = referenceVoicing.Length;
        if (referenceCents.Length != n || estimatedVoicing.Length != n || estimatedCents.Length != n)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"all four arrays must have the same length; got reference voicing {n}, reference cents {referenceCents.Length}, estimated voicing {estimatedVoicing.Length}, estimated cents {estimatedCents.Length}."));
        }

        CheckVoicing(referenceVoicing, nameof(referenceVoicing));
        CheckVoicing(estimatedVoicing, nameof(estimatedVoicing));
        CheckFinite(referenceCents, nameof(referenceCents));
        CheckFinite(estimatedCents, nameof(estimatedCents));
        _referenceVoicing = referenceVoicing.ToArray();
        _referenceCents = referenceCents.ToArray();
        _estimatedVoicing = estimatedVoicing.ToArray();
        _estimatedCents = estimatedCents.ToArray();
    }

    /// <summary>Number of frames.</summary>
    public int Count => _referenceVoicing.Length;

    /// <summary>Reference voicing per frame, 0–1.</summary>
    public ReadOnlySpan<double> ReferenceVoicing => _referenceVoicing;

    /// <summary>Reference pitch per frame in cents above the base frequency; 0 means none.</summary>
    public ReadOnlySpan<double> ReferenceCents => _referenceCents;

    /// <summary>Estimated voicing per frame, 0–1.</summary>
    public ReadOnlySpan<double> EstimatedVoicing => _estimatedVoicing;

    /// <summary>Estimated pitch per frame in cents above the base frequency; 0 means none (a pitch may be present on an unvoiced frame).</summary>
    public ReadOnlySpan<double> EstimatedCents => _estimatedCents;

    private static void CheckVoicing(ReadOnlySpan<double> voicing, string parameter)
    {
        for (int i = 0; i < voicing.Length; i++)
        {
            if (!(voicing[i] >= 0 && voicing[i] <= 1))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"frame {i} has voicing {voicing[i]}; voicing must lie in 0–1."), parameter);
            }
        }
    }

    private static void CheckFinite(ReadOnlySpan<double> cents, string parameter)
    {
        for (int i = 0; i < cents.Length; i++)
        {
            if (!double.IsFinite(cents[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"frame {i} has pitch {cents[i]} cents; pitches must be finite."), parameter);
            }
        }
    }
}
