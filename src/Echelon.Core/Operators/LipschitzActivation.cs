namespace Echelon.Core.Operators;

/// <summary>
/// The activation between the layers of a <see cref="LipschitzMlp"/>. Both are 1-Lipschitz
/// (|σ'| ≤ 1 everywhere), which, with spectrally normalised weights, keeps the whole network
/// 1-Lipschitz.
/// </summary>
public enum LipschitzActivation
{
    /// <summary>max(0, x): piecewise linear, slope 0 or 1.</summary>
    Relu,

    /// <summary>tanh(x): smooth, slope in (0, 1], maximal at 0.</summary>
    Tanh,
}
