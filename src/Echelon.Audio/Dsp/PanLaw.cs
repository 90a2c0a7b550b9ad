namespace Echelon.Audio.Dsp;

/// <summary>
/// The equal-power (sine–cosine) pan law: pan p ∈ [−1, 1] maps to θ = (p + 1)·π/4 and the gains
/// (cos θ, sin θ), so the total power is the same at every position and the centre is −3 dB per side
/// (Curtis Roads, "The Computer Music Tutorial", 1996). A hard pan leaves the other side exactly silent.
/// </summary>
public static class PanLaw
{
    /// <summary>The left and right gains for <paramref name="pan"/>, scaled by <paramref name="gain"/>.</summary>
    public static (float Left, float Right) Gains(float pan, double gain = 1.0)
    {
        DspGuard.Closed(pan, -1, 1, nameof(pan), string.Empty);
        double theta = (pan + 1) * Math.PI / 4;
        return (HardZero((float)(gain * Math.Cos(theta))), HardZero((float)(gain * Math.Sin(theta))));
    }

    /// <summary>cos(π/2) is 6e−17, not 0: a hard-panned channel must leave the other side exactly silent.</summary>
    private static float HardZero(float gain) => gain < 1e-9f ? 0 : gain;
}
